namespace RiskGraph.Model.Scoring;

/// <summary>
/// Maps a calibrated probability of becoming seriously dishonest or defaulting within 12 months to a level.
/// The cut-offs are multiples of a typical base rate (about 5-10 %): below 10 % is ordinary, 10-30 % calls for
/// attention, 30-60 % for review, and 60 % or more for action.
/// </summary>
public static class WarningLevels
{
    public const double Medium = 0.10;
    public const double High = 0.30;
    public const double Critical = 0.60;

    /// <summary>Every level, least severe first (the OpenAPI document lists them as the level's enum).</summary>
    public static IReadOnlyList<string> All { get; } = ["low", "medium", "high", "critical"];

    /// <summary>The level's place in <see cref="All"/> (0 for low), or -1 for a name that is not a level.</summary>
    public static int IndexOf(string level)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], level, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    public static string LevelOf(double probability) => probability switch
    {
        >= Critical => "critical",
        >= High => "high",
        >= Medium => "medium",
        _ => "low",
    };
}
