using System.Security.Claims;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Security;

/// <summary>
/// The claims every authenticated principal carries, whichever scheme authenticated it: name, role, department and
/// an optional region scope. Endpoints read the principal only through these helpers.
/// </summary>
public static class RiskGraphClaims
{
    public const string Department = "riskgraph:department";
    public const string Region = "riskgraph:region";

    public static ClaimsIdentity Identity(string scheme, string name, ApiRole role, string department, string? region)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(ClaimTypes.Role, role.Name()),
            new(Department, department),
        };
        if (!string.IsNullOrEmpty(region)) claims.Add(new Claim(Region, region));
        return new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role);
    }

    public static string ActorName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static string DepartmentOf(this ClaimsPrincipal user) => user.FindFirstValue(Department) ?? "";

    public static ApiRole? RoleOf(this ClaimsPrincipal user)
    {
        foreach (string role in new[] { ApiRoles.Admin, ApiRoles.CreditOfficer, ApiRoles.Analyst, ApiRoles.System })
        {
            if (user.IsInRole(role) && ApiRoles.TryParse(role, out var parsed)) return parsed;
        }
        return null;
    }

    public static string? RegionScope(this ClaimsPrincipal user) => user.FindFirstValue(Region);

    /// <summary>Whether an enterprise registered in <paramref name="regionCode"/> is within the principal's region scope.</summary>
    public static bool Covers(this ClaimsPrincipal user, string regionCode) =>
        user.RegionScope() is not { } scope || regionCode.StartsWith(scope, StringComparison.Ordinal);

    /// <summary>Per region index, whether the principal may see enterprises there; null when it is not limited to a region.</summary>
    public static bool[]? RegionMask(this ClaimsPrincipal user, string[] regionCodes)
    {
        if (user.RegionScope() is not { } scope) return null;
        var mask = new bool[regionCodes.Length];
        for (int r = 0; r < regionCodes.Length; r++) mask[r] = regionCodes[r].StartsWith(scope, StringComparison.Ordinal);
        return mask;
    }

    /// <summary>Persons' names and keys are for analysts and officers, never for other systems (OWASP API3).</summary>
    public static bool MaySeePersons(this ClaimsPrincipal user) => user.RoleOf() is ApiRole.Analyst or ApiRole.CreditOfficer or ApiRole.Admin;
}
