namespace RiskGraph.Training.Synthetic;

/// <summary>
/// What to generate: how many enterprises, from which seed, observed on which day.
/// The setters check their ranges so that a <c>with</c> expression cannot produce an invalid copy either.
/// </summary>
public sealed record SyntheticOptions
{
    /// <summary>Below this the 20 industries and 30 regions cannot all be populated.</summary>
    public const int MinEnterprises = 100;

    /// <summary>Dense int ids and 8-digit organisation numbers leave room for far more; this bounds memory.</summary>
    public const int MaxEnterprises = 10_000_000;

    /// <summary>The observation date the product documentation assumes.</summary>
    public static readonly DateOnly DefaultAsOf = new(2025, 12, 31);

    // Founding dates reach 45 years back and persons are born up to 75 years back, so the date must leave room.
    private static readonly DateOnly EarliestAsOf = new(2000, 1, 1);
    private static readonly DateOnly LatestAsOf = new(2100, 12, 31);

    private readonly int _enterprises;
    private readonly DateOnly _asOf;

    public SyntheticOptions(int enterprises, int seed, DateOnly? asOf = null)
    {
        Enterprises = enterprises;
        Seed = seed;
        AsOf = asOf ?? DefaultAsOf;
    }

    /// <summary>Number of enterprises (rows of enterprises.csv).</summary>
    public int Enterprises
    {
        get => _enterprises;
        init => _enterprises = value is >= MinEnterprises and <= MaxEnterprises
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Enterprises), value,
                $"Enterprises must be between {MinEnterprises} and {MaxEnterprises}.");
    }

    /// <summary>Any int; the same seed always gives the same bytes.</summary>
    public int Seed { get; init; }

    /// <summary>Observation date: every record is on or before it, the labels describe the 12 months after it.</summary>
    public DateOnly AsOf
    {
        get => _asOf;
        init => _asOf = value >= EarliestAsOf && value <= LatestAsOf
            ? value
            : throw new ArgumentOutOfRangeException(nameof(AsOf), value,
                $"AsOf must be between {EarliestAsOf:yyyy-MM-dd} and {LatestAsOf:yyyy-MM-dd}.");
    }
}
