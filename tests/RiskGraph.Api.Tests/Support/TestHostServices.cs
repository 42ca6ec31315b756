namespace RiskGraph.Api.Tests.Support;

/// <summary>
/// The system clock moved so that today (in China) is <paramref name="today"/>: the generated records are dated up
/// to the generator's as-of day, and the credit clock must see them as the real service would on that day. Time
/// still runs, so audit entries keep their order.
/// </summary>
public sealed class ShiftedClock(DateOnly today) : TimeProvider
{
    private readonly TimeSpan _shift =
        new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)) - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
