using RiskGraph.Model.Credit;

namespace RiskGraph.Api.Services;

/// <summary>
/// The day credit records are evaluated on and the publication periods they are evaluated with. The day is the
/// clock's date in China (UTC+8, no daylight saving), not the latest record date in the store: a record's
/// publication ends when its period has passed in real time, whether or not newer records arrived.
/// </summary>
public sealed class CreditClock(TimeProvider time, PublicationPeriods periods)
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    public PublicationPeriods Periods => periods;
}
