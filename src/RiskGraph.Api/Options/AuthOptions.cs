using System.ComponentModel.DataAnnotations;

namespace RiskGraph.Api.Options;

/// <summary>The section RiskGraph:Auth: key refresh, the purposes a query may name, and an optional JWT issuer.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "RiskGraph:Auth";

    /// <summary>How often the keys are re-read from the store (seconds): a key revoked anywhere is refused within this.</summary>
    [Range(1, 300)]
    public int KeyRefreshSeconds { get; set; } = 2;

    /// <summary>The purposes an X-Purpose header may name (查询目的); routes that return records or persons require one.</summary>
    [MinLength(1)]
    public string[] Purposes { get; set; } = ["supervision", "credit_check", "loan_review", "research"];

    public JwtOptions Jwt { get; set; } = new();
}

/// <summary>
/// JWT bearer tokens from an identity provider, for deployments that have one. Off unless an authority or a signing
/// key is given. Tokens carry the role in <see cref="RoleClaim"/>, the department in <see cref="DepartmentClaim"/>
/// and an optional region scope in <see cref="RegionClaim"/>.
/// </summary>
public sealed class JwtOptions
{
    /// <summary>The OpenID Connect authority whose signing keys are fetched (metadata discovery).</summary>
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public string? Issuer { get; set; }

    /// <summary>A shared HMAC signing key (at least 32 bytes, base64), for an issuer without discovery.</summary>
    public string? SigningKey { get; set; }

    public string RoleClaim { get; set; } = "role";

    public string DepartmentClaim { get; set; } = "department";

    public string RegionClaim { get; set; } = "region";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);
}
