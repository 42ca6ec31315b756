using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Extensions;
using RiskGraph.Api.Services;
using RiskGraph.Model.Algorithms.Exposure;
using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Api.Endpoints;

/// <summary>Association analysis of one enterprise: ultimate controllers, k-hop exposure, community.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enterprises/{uscc}").WithTags("Analytics").Audited();
        group.WithRequestTimeout(RequestLimitsExtensions.ExpensiveTimeout);
        // Controllers and holders name persons: a purpose is required, as for the credit file and the network.
        group.MapGet("/controllers", GetControllers).WithName("GetControllers")
            .WithDescription("Equity penetration through the shareholding graph: controllers hold an integrated share over 50 %, beneficial owners over 25 %, each with the ownership paths that add up to it. Names persons, so X-Purpose is required.").WithMetadata(new RequiresPurposeMetadata())
            .WithSummary("Ultimate controllers (> 50 %) and beneficial owners (> 25 %) by equity penetration, with their ownership paths.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/exposure", GetExposure).WithName("GetExposure")
            .WithDescription("Breadth-first from the enterprise up to hops (1 to 3, default 2): how many enterprises it reaches, how many have a negative record, by hop and by the first relation type of the path. Hubs with more than 64 relations are counted, not expanded.")
            .WithSummary("Enterprises with negative records within 1-3 hops, by hop and by first relation type, hubs not expanded.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/community", GetCommunity).WithName("GetCommunity")
            .WithDescription("The Louvain community the enterprise belongs to in the served analytics: its size, the share with negative records, the industries and regions it spans and its 20 riskiest members.")
            .WithSummary("The enterprise's Louvain community: size, share with negative records, industries, regions, riskiest members.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>Resolves the route's USCC against the served snapshot, or gives the 400/404/503 answer.</summary>
    internal static IResult? Resolve(string uscc, WarningService service, out GraphSnapshot snapshot, out int id)
    {
        snapshot = null!;
        id = IdMap.NotFound;
        if (ApiProblems.CheckUscc(uscc) is { } invalid) return invalid;
        if (service.Snapshot is not { } served) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        snapshot = served;
        id = served.Ids.IdOf(uscc);
        return id == IdMap.NotFound || !served.Ids.IsEnterprise(id) ? ApiProblems.UnknownEnterprise(uscc) : null;
    }

    private static Results<Ok<ControllersResponse>, ValidationProblem, ProblemHttpResult> GetControllers(string uscc, WarningService service)
    {
        if (Resolve(uscc, service, out var snapshot, out int id) is { } problem) return Widen<ControllersResponse>(problem);
        var result = new UltimateController(snapshot, new UltimateControllerParameters()).ForEnterprise(id);
        ControllerResponse Map(UltimateHolder h, string role) => new(
            snapshot.Ids.KeyOf(h.Node), h.IsPerson ? "person" : "enterprise", snapshot.LabelOf(h.Node), Math.Round(h.IntegratedShare, 6), role,
            h.Paths.Select(p => new OwnershipPathResponse(p.Nodes.Select(snapshot.ToPathNode).ToArray(), p.Shares, Math.Round(p.Share, 6))).ToArray(),
            h.PathsTruncated);
        var controllers = result.Controllers.Select(h => Map(h, "controller"))
            .Concat(result.BeneficialOwners.Where(h => !result.Controllers.Contains(h)).Select(h => Map(h, "beneficial_owner"))).ToArray();
        var holders = result.Holders.Take(20).Select(h => Map(h with { Paths = [] }, "holder")).ToArray();
        return TypedResults.Ok(new ControllersResponse(uscc, controllers, holders, result.Converged));
    }

    /// <param name="hops">1 to 3 (default 2).</param>
    private static Results<Ok<ExposureResponse>, ValidationProblem, ProblemHttpResult> GetExposure(string uscc, WarningService service, int? hops = null)
    {
        int k = hops ?? 2;
        if (k is < 1 or > 3) return ApiProblems.InvalidField("hops", $"hops must be between 1 and 3; got {k}.");
        if (Resolve(uscc, service, out var snapshot, out int id) is { } problem) return Widen<ExposureResponse>(problem);
        var profile = new KHopExposure(snapshot, new KHopExposureParameters(Hops: k), null).ForNode(id);
        var byType = Enum.GetValues<RelationType>().ToDictionary(t => t.Name(), t => profile.RiskyByRelationType[(int)t]);
        var a = snapshot.Enterprises;
        var contacts = profile.Contacts.Where(c => snapshot.Ids.IsEnterprise(c.Node)).Select(c => new ExposureContact(
            snapshot.Ids.KeyOf(c.Node), a.Names[c.Node], c.Hops, a.IndustryCodes[a.Industry[c.Node]], a.RegionCodes[a.Region[c.Node]],
            snapshot.Classes[c.Node].Name())).ToArray();
        return TypedResults.Ok(new ExposureResponse(uscc, k, profile.ReachedEnterprises, profile.RiskyEnterprises, profile.RiskyByHop, byType,
            profile.HubsNotExpanded, contacts));
    }

    private static Results<Ok<CommunityResponse>, ValidationProblem, ProblemHttpResult> GetCommunity(string uscc, WarningService service)
    {
        if (Resolve(uscc, service, out var snapshot, out int id) is { } problem) return Widen<CommunityResponse>(problem);
        if (service.Analytics is not { } analytics) return ApiProblems.Unavailable(service.Problem ?? "Analytics are not computed yet.");
        int community = analytics.Communities.Community[id];
        var members = new List<int>();
        var a = snapshot.Enterprises;
        for (int e = 0; e < snapshot.EnterpriseCount; e++)
        {
            if (analytics.Communities.Community[e] == community) members.Add(e);
        }
        var scored = service.Current is { } current && ReferenceEquals(current.Snapshot, snapshot) ? current : null;
        var riskiest = members.OrderByDescending(e => scored?.Probability[e] ?? (float)snapshot.Classes[e]).ThenBy(e => e).Take(20)
            .Select(e => SearchApi.Summary(snapshot, scored, e)).ToArray();
        int negative = analytics.CommunityNegative[community];
        return TypedResults.Ok(new CommunityResponse(uscc, community, members.Count, negative, Math.Round((double)negative / members.Count, 6),
            Math.Round(analytics.Communities.Modularity, 6),
            members.GroupBy(e => a.IndustryCodes[a.Industry[e]]).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()),
            members.GroupBy(e => a.RegionCodes[a.Region[e]]).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()),
            riskiest));
    }

    // Resolve answers one of two problem types; each handler's typed union takes either.
    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Widen<T>(IResult problem) => problem switch
    {
        ValidationProblem invalid => invalid,
        ProblemHttpResult other => other,
        _ => throw new InvalidOperationException("Resolve answers only ValidationProblem or ProblemHttpResult."),
    };
}
