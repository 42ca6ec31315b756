using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Extensions;
using RiskGraph.Api.Security;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Endpoints;

/// <summary>Find enterprises by USCC prefix or part of the name, riskiest first.</summary>
public static class SearchApi
{
    public const int MaxPageSize = 100;
    public const int MaxQueryLength = 100;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enterprises", Search)
            .WithName("SearchEnterprises")
            .WithDescription("Enterprises whose USCC starts with the query or whose name contains it, riskiest first, optionally within an industry or a region, paged (page, page_size).").WithTags("Search").Audited().WithRequestTimeout(RequestLimitsExtensions.ExpensiveTimeout)
            .WithSummary("Enterprises whose USCC starts with, or whose name contains, the query; optional industry and region filters; paged.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="query">USCC prefix or part of the name (at least 2 characters).</param>
    /// <param name="industry">Only this industry code, e.g. C36.</param>
    /// <param name="region">Only this 6-digit region code.</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Results per page, 1 to 100 (default 20).</param>
    private static Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult> Search(
        WarningService service, HttpContext http, string? query = null, string? industry = null, string? region = null,
        int page = 1, [FromQuery(Name = "page_size")] int pageSize = 20)
    {
        string text = (query ?? "").Trim();
        http.Items[AuditRecorder.SubjectKey] = "search:" + ApiProblems.Echo(text);
        if (text.Length < 2) return ApiProblems.InvalidField("query", "Give at least 2 characters of a USCC or a name.");
        if (text.Length > MaxQueryLength) return ApiProblems.InvalidField("query", $"query may be at most {MaxQueryLength} characters.");
        if (page < 1) return ApiProblems.InvalidField("page", "page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) return ApiProblems.InvalidField("page_size", $"page_size must be between 1 and {MaxPageSize}.");
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");

        var scored = service.Current is { } current && ReferenceEquals(current.Snapshot, snapshot) ? current : null;
        var attributes = snapshot.Enterprises;
        int industryIndex = industry is null ? -1 : Array.IndexOf(attributes.IndustryCodes, industry);
        int regionIndex = region is null ? -1 : Array.IndexOf(attributes.RegionCodes, region);
        var matches = new List<int>();
        var visible = http.User.RegionMask(attributes.RegionCodes);
        for (int e = 0; e < snapshot.EnterpriseCount; e++)
        {
            if (visible is not null && !visible[attributes.Region[e]]) continue;
            if (industry is not null && attributes.Industry[e] != industryIndex) continue;
            if (region is not null && attributes.Region[e] != regionIndex) continue;
            if (snapshot.Ids.KeyOf(e).StartsWith(text, StringComparison.Ordinal) || attributes.Names[e].Contains(text, StringComparison.Ordinal))
                matches.Add(e);
        }
        var ordered = scored is null
            ? matches.OrderBy(e => snapshot.Ids.KeyOf(e), StringComparer.Ordinal)
            : matches.OrderByDescending(e => scored.Probability[e]).ThenBy(e => snapshot.Ids.KeyOf(e), StringComparer.Ordinal);
        // In long arithmetic: page 2147483647 is past the end, not page 1 again after an overflow.
        long offset = (long)(page - 1) * pageSize;
        var items = offset >= matches.Count ? [] : ordered.Skip((int)offset).Take(pageSize).Select(e => Summary(snapshot, scored, e)).ToArray();
        http.Items[AuditRecorder.ReturnedKey] = $"{matches.Count} matches, page {page}";
        return TypedResults.Ok(new SearchResponse(text, page, pageSize, matches.Count, items));
    }

    public static EnterpriseSummary Summary(GraphSnapshot snapshot, ScoredGraph? scored, int e)
    {
        var attributes = snapshot.Enterprises;
        var creditClass = snapshot.Classes[e];
        double? score = scored is null ? null : Math.Round(scored.Probability[e], 6);
        return new EnterpriseSummary(snapshot.Ids.KeyOf(e), attributes.Names[e], attributes.IndustryCodes[attributes.Industry[e]],
            attributes.RegionCodes[attributes.Region[e]], creditClass.Name(), creditClass.Colour(), score,
            score is null ? null : WarningLevels.LevelOf(score.Value));
    }
}
