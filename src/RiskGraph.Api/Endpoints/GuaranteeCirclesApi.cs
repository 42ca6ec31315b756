using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Extensions;
using RiskGraph.Api.Services;
using RiskGraph.Model.Algorithms.Guarantees;

namespace RiskGraph.Api.Endpoints;

/// <summary>Guarantee circles (担保圈), mutual guarantees (互保) and guarantee triangles: the list and one enterprise's circle.</summary>
public static class GuaranteeCirclesApi
{
    public const int MaxPageSize = 100, ListedMembers = 20, DetailMembers = 500, DetailEdges = 2_000;

    public static IEndpointRouteBuilder MapGuaranteeCirclesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/guarantee-circles", List)
            .WithName("ListGuaranteeCircles").WithTags("Risk patterns").Audited().WithRequestTimeout(RequestLimitsExtensions.ExpensiveTimeout)
            .WithSummary("Guarantee circles (strongly connected guarantee components), ranked, filtered by size, region and industry; paged.")
            .WithDescription("Each circle with its size, total and largest guaranteed amount, negative-record share, mutual pairs, triangles, " +
                "contagion score (default spreading in rounds over guarantees, weighted by amount over registered capital), industries, regions " +
                "and its riskiest members. sort: risk (default), size, amount, negative_share.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/enterprises/{uscc}/guarantee-circle", ForEnterprise)
            .WithName("GetGuaranteeCircle").WithTags("Risk patterns").Audited()
            .WithSummary("The enterprise's guarantee circle, its mutual guarantees, triangles and default stress, with the guarantees inside the circle.")
            .WithDescription($"The circle lists up to {DetailMembers} members (riskiest first) and the guarantees between them; in_circle is false and circle null when no chain of guarantees leads back to the enterprise.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="minSize">Smallest circle listed (at least 2, the default).</param>
    /// <param name="region">A 6-digit region code or a 2-/4-digit prefix: circles with a member there.</param>
    /// <param name="industry">An industry code: circles with a member in it.</param>
    /// <param name="sort">risk (default), size, amount or negative_share.</param>
    private static Results<Ok<GuaranteeCirclesPage>, ValidationProblem, ProblemHttpResult> List(
        WarningService service, HttpContext http, [FromQuery(Name = "min_size")] int? minSize = null, string? region = null, string? industry = null,
        string? sort = null, int page = 1, [FromQuery(Name = "page_size")] int pageSize = 20)
    {
        http.Items[AuditRecorder.SubjectKey] = "guarantee-circles";
        int min = minSize ?? 2;
        if (min < 2) return ApiProblems.InvalidField("min_size", "min_size must be at least 2: a circle has two or more members.");
        if (region is not null && (region.Length is not (2 or 4 or 6) || !region.All(char.IsAsciiDigit)))
            return ApiProblems.InvalidField("region", "region must be a 6-digit region code or a 2- or 4-digit prefix.");
        string sortName = sort ?? "risk";
        if (!GuaranteeCircleQuery.SortNames.TryGetValue(sortName, out var order))
            return ApiProblems.InvalidField("sort", $"sort must be one of {string.Join(", ", GuaranteeCircleQuery.SortNames.Keys)}.");
        if (page < 1) return ApiProblems.InvalidField("page", "page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) return ApiProblems.InvalidField("page_size", $"page_size must be between 1 and {MaxPageSize}.");
        if (PatternState.From(service, out var unavailable) is not { } state) return unavailable!;

        var a = state.Snapshot.Enterprises;
        int industryIndex = industry is null ? -1 : Array.IndexOf(a.IndustryCodes, industry);
        var visible = state.Visible(http);
        var circles = state.Analytics.GuaranteeCircles;
        // An industry nobody is in matches no circle (rather than every circle).
        var selected = industry is not null && industryIndex < 0
            ? []
            : GuaranteeCircleQuery.Select(state.Snapshot, circles, min, region, industryIndex, order, visible);
        long offset = (long)(page - 1) * pageSize;
        var items = offset >= selected.Count ? [] : selected.Skip((int)offset).Take(pageSize).Select(c => Describe(state, c, visible, ListedMembers)).ToArray();
        http.Items[AuditRecorder.ReturnedKey] = $"{selected.Count} circles, page {page}";
        return TypedResults.Ok(new GuaranteeCirclesPage(sortName, page, pageSize, selected.Count, items));
    }

    private static Results<Ok<EnterpriseCircleResponse>, ValidationProblem, ProblemHttpResult> ForEnterprise(string uscc, WarningService service, HttpContext http)
    {
        if (ApiProblems.CheckUscc(uscc) is { } invalid) return invalid;
        if (PatternState.From(service, out var unavailable) is not { } state) return unavailable!;
        int id = state.Enterprise(uscc, out var notFound);
        if (notFound is not null) return notFound;
        var circles = state.Analytics.GuaranteeCircles;
        int circle = circles.CircleOf[id];
        var visible = state.Visible(http);
        GuaranteeCircleResponse? described = circle < 0 ? null : Describe(state, circle, visible, DetailMembers);
        var edges = new List<GuaranteeEdgeResponse>();
        if (described is not null)
        {
            var listed = described.Members.Select(m => m.Uscc).ToHashSet(StringComparer.Ordinal);
            foreach (var (guarantor, guaranteed, amount) in GuaranteeCircleQuery.Edges(state.Snapshot, circles, circle, DetailEdges))
            {
                string from = state.Snapshot.Ids.KeyOf(guarantor), to = state.Snapshot.Ids.KeyOf(guaranteed);
                if (listed.Contains(from) && listed.Contains(to)) edges.Add(new GuaranteeEdgeResponse(from, to, Math.Round(amount, 2)));
            }
        }
        http.Items[AuditRecorder.ReturnedKey] = circle < 0 ? "in no guarantee circle" : $"guarantee circle {circle} of {circles.SizeOf(circle)}";
        return TypedResults.Ok(new EnterpriseCircleResponse(uscc, circle >= 0, circles.MutualPartners[id], circles.TrianglesOf[id],
            Math.Round(circles.Stress[id], 6), described, edges));
    }

    private static GuaranteeCircleResponse Describe(PatternState state, int circle, bool[]? visible, int limit)
    {
        var circles = state.Analytics.GuaranteeCircles;
        var snapshot = state.Snapshot;
        var a = snapshot.Enterprises;
        var members = circles.MembersOf(circle).ToArray();
        var shown = members.Where(m => PatternState.IsVisible(visible, snapshot, m)).ToArray();
        var listed = state.Riskiest(shown).Take(limit).Select(state.Summary).ToArray();
        return new GuaranteeCircleResponse(circle, members.Length, Math.Round(circles.TotalAmount[circle], 2), Math.Round(circles.LargestAmount[circle], 2),
            circles.NegativeMembers[circle], Math.Round(circles.NegativeShare(circle), 6), circles.MutualPairs[circle], circles.Triangles[circle],
            Math.Round(circles.Contagion[circle], 6), circles.Rounds,
            GroupDirectory.Count(members, m => a.IndustryCodes[a.Industry[m]]), GroupDirectory.Count(members, m => a.RegionCodes[a.Region[m]]),
            listed, shown.Length > listed.Length);
    }
}
