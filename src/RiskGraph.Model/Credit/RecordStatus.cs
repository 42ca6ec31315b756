namespace RiskGraph.Model.Credit;

/// <summary>
/// A penalty's or list entry's status, derived from repairs and objections. Repaired and revoked records are
/// withdrawn: no published output (class, warning, reason, alert, check) may use them. A corrected record stays
/// published and counts at its corrected values.
/// </summary>
public enum RecordStatus
{
    Active,
    Contested,
    Expired,
    Repaired,
    Corrected,
    Revoked,
}

public static class RecordStatusNames
{
    private static readonly string[] Names = ["active", "contested", "expired", "repaired", "corrected", "revoked"];

    public static string Name(this RecordStatus status) => Names[(int)status];

    public static bool IsWithdrawn(this RecordStatus status) => status is RecordStatus.Repaired or RecordStatus.Revoked;

    /// <summary>Counted by classes, features, checks and lists.</summary>
    public static bool IsPublished(this RecordStatus status) => status is RecordStatus.Active or RecordStatus.Contested or RecordStatus.Corrected;
}
