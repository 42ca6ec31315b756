namespace RiskGraph.Model.Security;

/// <summary>
/// What a caller of the API may do. The seeds ask that query permissions differ by kind of requester
/// (不同主体的查询权限和条件, seed-requirements R224–R233); each role is one such kind.
/// </summary>
public enum ApiRole
{
    /// <summary>Risk analysts: search, warnings, network, credit files, analytics, alerts, checks.</summary>
    Analyst,

    /// <summary>Another system (a bank's or an approval system's caller): warnings, batch warnings and checks only; never persons.</summary>
    System,

    /// <summary>A department's credit staff: what analysts may, plus repairs, objections, outcomes and record ingestion.</summary>
    CreditOfficer,

    /// <summary>Operators: everything, plus model activation, the audit log and key management.</summary>
    Admin,
}

/// <summary>The snake_case role names used in keys, claims, configuration and JSON.</summary>
public static class ApiRoles
{
    public const string Analyst = "analyst";
    public const string System = "system";
    public const string CreditOfficer = "credit_officer";
    public const string Admin = "admin";

    private static readonly string[] Names = [Analyst, System, CreditOfficer, Admin];

    public static IReadOnlyList<string> All => Names;

    public static string Name(this ApiRole role) => Names[(int)role];

    public static bool TryParse(string? text, out ApiRole role)
    {
        int index = Array.IndexOf(Names, text);
        role = index >= 0 ? (ApiRole)index : default;
        return index >= 0;
    }
}
