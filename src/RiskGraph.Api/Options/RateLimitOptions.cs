using System.ComponentModel.DataAnnotations;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Options;

/// <summary>One token bucket: up to <see cref="Burst"/> requests at once, refilled at <see cref="PerSecond"/>.</summary>
public sealed class TokenBucket
{
    [Range(1, 10_000_000)]
    public int Burst { get; set; }

    [Range(1, 10_000_000)]
    public int PerSecond { get; set; }
}

/// <summary>
/// The section RiskGraph:RateLimits: a token bucket per principal, sized by role (OWASP API4); callers without a
/// key share one bucket per client address. Other systems calling warnings get the largest.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RiskGraph:RateLimits";

    public TokenBucket Analyst { get; set; } = new() { Burst = 200, PerSecond = 100 };

    public TokenBucket System { get; set; } = new() { Burst = 4_000, PerSecond = 2_000 };

    public TokenBucket CreditOfficer { get; set; } = new() { Burst = 200, PerSecond = 100 };

    public TokenBucket Admin { get; set; } = new() { Burst = 400, PerSecond = 200 };

    public TokenBucket Anonymous { get; set; } = new() { Burst = 60, PerSecond = 20 };

    public TokenBucket For(ApiRole? role) => role switch
    {
        ApiRole.Analyst => Analyst,
        ApiRole.System => System,
        ApiRole.CreditOfficer => CreditOfficer,
        ApiRole.Admin => Admin,
        _ => Anonymous,
    };
}
