using RiskGraph.Model.Security;

namespace RiskGraph.Api.Security;

/// <summary>
/// One authorization policy per kind of route, each naming the roles that may call it. Route groups carry these
/// (RequireAuthorization); there is no per-route key check.
/// </summary>
public static class RiskGraphPolicies
{
    /// <summary>Warnings, batch warnings and checks: what other systems call.</summary>
    public const string Scoring = "scoring";

    /// <summary>Search, network, credit files, analytics, alerts, data quality, models: the analysts' routes.</summary>
    public const string Analysis = "analysis";

    /// <summary>Repairs, objections, outcomes and record ingestion.</summary>
    public const string CreditWrites = "credit-writes";

    /// <summary>Model activation, the audit log and key management.</summary>
    public const string Administration = "administration";

    /// <summary>The Prometheus scrape endpoint: administrators, or a scraper from RiskGraph:Telemetry:MetricsAllowedNetworks.</summary>
    public const string Metrics = "metrics";

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [Scoring] = [ApiRoles.System, ApiRoles.Analyst, ApiRoles.CreditOfficer, ApiRoles.Admin],
        [Analysis] = [ApiRoles.Analyst, ApiRoles.CreditOfficer, ApiRoles.Admin],
        [CreditWrites] = [ApiRoles.CreditOfficer, ApiRoles.Admin],
        [Administration] = [ApiRoles.Admin],
        [Metrics] = [ApiRoles.Admin],
    };
}
