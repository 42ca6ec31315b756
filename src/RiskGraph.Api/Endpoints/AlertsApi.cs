using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Extensions;
using RiskGraph.Api.Security;
using RiskGraph.Api.Services;
using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Credit;

namespace RiskGraph.Api.Endpoints;

/// <summary>
/// Ranked cross-industry or cross-region early warnings (R118: 跨行业跨区域风险): the highest-scored enterprises that
/// reach a risky enterprise across the boundary, each with the explicit path that crosses it.
/// </summary>
public static class AlertsApi
{
    public const int MaxTop = 200;
    private static readonly string[] Kinds = ["cross_industry", "cross_region"];

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", GetAlerts).WithName("GetAlerts")
            .WithDescription("Ranks enterprises whose path to a risky enterprise crosses an industry (kind=cross_industry) or a region (kind=cross_region) boundary, riskiest first, each with the explicit path and the industries and regions it crosses. top is at most 200; region and industry narrow the list.").WithTags("Alerts").Audited().WithRequestTimeout(RequestLimitsExtensions.ExpensiveTimeout)
            .WithSummary("Top-N cross-industry or cross-region warnings, optionally for one region or industry, each with its crossing path.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="kind">cross_industry or cross_region.</param>
    /// <param name="region">Only enterprises registered in this 6-digit region.</param>
    /// <param name="industry">Only enterprises in this industry code.</param>
    /// <param name="top">How many alerts, 1 to 200 (default 20).</param>
    private static Results<Ok<AlertsResponse>, ValidationProblem, ProblemHttpResult> GetAlerts(
        WarningService service, HttpContext http, string? kind = null, string? region = null, string? industry = null, int? top = null)
    {
        if (kind is null || !Kinds.Contains(kind)) return ApiProblems.InvalidField("kind", "kind must be cross_industry or cross_region.");
        int n = top ?? 20;
        if (n is < 1 or > MaxTop) return ApiProblems.InvalidField("top", $"top must be between 1 and {MaxTop}; got {n}.");
        if (service.Snapshot is not { } snapshot || service.Analytics is not { } analytics)
            return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        var a = snapshot.Enterprises;
        int regionIndex = region is null ? -1 : Array.IndexOf(a.RegionCodes, region);
        int industryIndex = industry is null ? -1 : Array.IndexOf(a.IndustryCodes, industry);
        if (region is not null && regionIndex < 0) return TypedResults.Ok(new AlertsResponse(kind, industry, region, n, []));
        if (industry is not null && industryIndex < 0) return TypedResults.Ok(new AlertsResponse(kind, industry, region, n, []));

        bool crossIndustry = kind == "cross_industry";
        int[] reach = crossIndustry ? analytics.CrossBoundary.CrossIndustry : analytics.CrossBoundary.CrossRegion;
        var scored = service.Current is { } current && ReferenceEquals(current.Snapshot, snapshot) ? current : null;
        // Rank by warning score, or by risk contagion before any model is trained.
        var visible = http.User.RegionMask(a.RegionCodes);
        var candidates = Enumerable.Range(0, snapshot.EnterpriseCount)
            .Where(e => reach[e] > 0 && (visible is null || visible[a.Region[e]]) && (regionIndex < 0 || a.Region[e] == regionIndex) && (industryIndex < 0 || a.Industry[e] == industryIndex))
            .OrderByDescending(e => scored?.Probability[e] ?? analytics.RiskContagion.Scores[e]).ThenBy(e => e);

        var finder = new CrossBoundaryPaths(snapshot, new CrossBoundaryPathsParameters(MaxDepth: analytics.CrossBoundary.MaxDepth), null);
        var alerts = new List<AlertResponse>();
        foreach (int e in candidates)
        {
            var path = finder.ForEnterprise(e).Paths.FirstOrDefault(p =>
                p.Kind == BoundaryKind.Both || p.Kind == (crossIndustry ? BoundaryKind.CrossIndustry : BoundaryKind.CrossRegion));
            if (path is null) continue;
            var summary = SearchApi.Summary(snapshot, scored, e);
            alerts.Add(new AlertResponse(summary.Uscc, summary.Name, summary.Industry, summary.Region, summary.Score, summary.Level,
                summary.CreditClass, summary.Colour, path.Kind.Name(), SearchApi.Summary(snapshot, scored, path.Target),
                path.Industries, path.Regions, path.ToPathResponse(snapshot)));
            if (alerts.Count == n) break;
        }
        http.Items[AuditRecorder.SubjectKey] = $"alerts:{kind}";
        http.Items[AuditRecorder.ReturnedKey] = $"{alerts.Count} alerts: {string.Join(",", alerts.Select(x => x.Uscc))}";
        return TypedResults.Ok(new AlertsResponse(kind, industry, region, n, alerts));
    }
}
