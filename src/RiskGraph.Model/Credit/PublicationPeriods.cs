using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Credit;

/// <summary>
/// How many years after its decision a penalty of each kind is published (公开期限, R231). Seed 002 only asks that a
/// period be set (「对已经公开的信用信息,应明确公开期限」) and names none, so every kind defaults to three years;
/// deployments override kinds from configuration. A licence revocation has no period: it counts while it holds
/// (see <see cref="CreditLedger"/>), whatever is configured for it.
/// </summary>
public sealed class PublicationPeriods
{
    public const int DefaultYears = 3;

    private readonly int[] _years;

    public PublicationPeriods(IReadOnlyDictionary<PenaltyKind, int>? years = null)
    {
        _years = Enumerable.Repeat(DefaultYears, Enum.GetValues<PenaltyKind>().Length).ToArray();
        foreach (var (kind, value) in years ?? new Dictionary<PenaltyKind, int>())
        {
            if (value is < 1 or > 100)
                throw new ArgumentOutOfRangeException(nameof(years), value, $"The publication period of {kind.Name()} must be 1 to 100 years.");
            _years[(int)kind] = value;
        }
    }

    public static PublicationPeriods Default { get; } = new();

    /// <summary>Parses configuration such as <c>{"warning": 1, "fine": 3}</c> keyed by penalty-kind names.</summary>
    public static PublicationPeriods FromNames(IEnumerable<KeyValuePair<string, int>> years)
    {
        var parsed = new Dictionary<PenaltyKind, int>();
        foreach (var (name, value) in years)
        {
            if (!DomainNames.TryParse(name, out PenaltyKind kind))
                throw new ArgumentException($"Unknown penalty kind '{name}' in the publication periods; use one of {string.Join(", ", DomainNames.AllPenaltyKinds)}.");
            parsed[kind] = value;
        }
        return new PublicationPeriods(parsed);
    }

    public int YearsFor(PenaltyKind kind) => _years[(int)kind];
}
