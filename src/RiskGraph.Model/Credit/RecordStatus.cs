namespace RiskGraph.Model.Credit;

/// <summary>
/// A penalty's or list entry's status, derived from repairs and objections. Repaired, corrected and revoked
/// records are withdrawn: no published output (class, warning, reason, alert, check) may use them.
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

    public static bool IsWithdrawn(this RecordStatus status) => status >= RecordStatus.Repaired;
}
