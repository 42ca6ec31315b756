using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Algorithms.SupplyChain;

namespace RiskGraph.Api.Endpoints;

/// <summary>The chain-level view of a core enterprise's supply chain (R139-R141), served from <see cref="SupplyChainContagion.Chain"/>.</summary>
public static class SupplyChainApi
{
    public const int MaxDepth = 5, MaxMembers = 2_000, MaxLinks = 5_000;

    public static IEndpointRouteBuilder MapSupplyChainApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enterprises/{uscc}/supply-chain", Get)
            .WithName("GetSupplyChain").WithTags("Risk patterns").Audited()
            .WithSummary("Upstream and downstream tiers around a core enterprise, the links between them and the supply-chain risk reaching it.")
            .WithDescription($"depth: supply links followed each way, 1 to {MaxDepth} (default 2). tier is -h for suppliers h links up, +h for buyers " +
                $"h links down. upstream_risk and downstream_risk are the served analytics' supply-chain contagion (3 hops, decay 0.5). At most {MaxMembers} members.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="depth">Supply links followed upstream and downstream, 1 to 5 (default 2).</param>
    private static Results<Ok<SupplyChainResponse>, ValidationProblem, ProblemHttpResult> Get(string uscc, WarningService service, HttpContext http, int? depth = null)
    {
        int hops = depth ?? 2;
        if (hops is < 1 or > MaxDepth) return ApiProblems.InvalidField("depth", $"depth must be between 1 and {MaxDepth}; got {hops}.");
        if (ApiProblems.CheckUscc(uscc) is { } invalid) return invalid;
        if (PatternState.From(service, out var unavailable) is not { } state) return unavailable!;
        int core = state.Enterprise(uscc, out var notFound);
        if (notFound is not null) return notFound;

        var snapshot = state.Snapshot;
        var view = new SupplyChainContagion(snapshot, new SupplyChainContagionParameters(MaxHops: hops, MaxChainSize: MaxMembers)).Chain(core);
        var visible = state.Visible(http);
        var members = view.Members.Where(m => PatternState.IsVisible(visible, snapshot, m.Enterprise))
            .Select(m => new ChainMemberResponse(state.Summary(m.Enterprise), m.Direction == ChainDirection.Upstream ? -m.Hops : m.Hops, m.Negative))
            .ToArray();
        var listed = members.Select(m => m.Enterprise.Uscc).Append(uscc).ToHashSet(StringComparer.Ordinal);
        var links = SupplyChainTiers.Links(snapshot, view, MaxLinks)
            .Select(l => new SupplyLinkResponse(snapshot.Ids.KeyOf(l.Supplier), snapshot.Ids.KeyOf(l.Buyer), Math.Round(l.Amount, 2)))
            .Where(l => listed.Contains(l.Supplier) && listed.Contains(l.Buyer)).ToArray();
        var supply = state.Analytics.Supply;
        http.Items[AuditRecorder.ReturnedKey] = $"{view.UpstreamCount} upstream, {view.DownstreamCount} downstream";
        return TypedResults.Ok(new SupplyChainResponse(state.Summary(core), hops, Math.Round(supply.UpstreamRisk[core], 6),
            Math.Round(supply.DownstreamRisk[core], 6), Math.Round(supply.Score[core], 6), view.UpstreamCount, view.DownstreamCount,
            view.NegativeUpstream, view.NegativeDownstream, members, links, view.Truncated));
    }
}
