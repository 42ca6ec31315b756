namespace RiskGraph.Model.Import;

public enum MatchOutcome
{
    /// <summary>One enterprise, by a rule confident enough to use without review.</summary>
    Matched,

    /// <summary>Several enterprises fit equally well: reported for review, never merged.</summary>
    Ambiguous,

    /// <summary>One enterprise fits, but only by a weak rule (a region missing on one side): reported for review.</summary>
    Review,

    NotFound,
}

/// <summary>Which stored enterprise a reference (USCC, 15-digit registration number or name) means.</summary>
/// <param name="Rule">uscc, registration_no, name_exact, name_normalized, name_region_moved or name_region_missing.</param>
/// <param name="Confidence">1 for codes and identical names, down to 0.6 for a name that only matches without its region.</param>
/// <param name="Candidates">Every USCC the best rule found, ascending.</param>
public sealed record EntityMatch(string Input, MatchOutcome Outcome, string? Uscc, string Rule, double Confidence, IReadOnlyList<string> Candidates)
{
    public static readonly IReadOnlyDictionary<string, double> Confidences = new Dictionary<string, double>
    {
        ["uscc"] = 1.0, ["registration_no"] = 1.0, ["name_exact"] = 1.0, ["name_normalized"] = 0.95, ["name_region_moved"] = 0.9,
        ["name_region_missing"] = 0.6,
    };

    /// <summary>Rules at or above this confidence resolve a reference without review.</summary>
    public const double AutomaticConfidence = 0.9;
}
