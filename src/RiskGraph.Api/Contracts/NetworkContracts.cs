using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Contracts;

/// <summary>The association network around an enterprise. Person ids are keyed hashes, never ID numbers.</summary>
/// <param name="Truncated">True when nodes were left out to stay within <paramref name="MaxNodes"/>.</param>
/// <param name="OmittedNodes">How many nodes were left out.</param>
public sealed record NetworkResponse(
    string Center, int Depth, int MaxNodes, IReadOnlyList<NetworkNodeResponse> Nodes, IReadOnlyList<NetworkEdge> Edges, bool Truncated, int OmittedNodes);

/// <summary>A node with, for enterprises in the served snapshot, its credit class and warning.</summary>
/// <param name="Kind">enterprise or person.</param>
public sealed record NetworkNodeResponse(
    string Id, string Kind, string Label, string? Industry, string? Region, int Hops,
    string? CreditClass, string? Colour, double? Score, string? Level, int? Community = null);

public static class NetworkContracts
{
    public const int DefaultMaxNodes = 200;
    public const int MaxNodesLimit = 5000;

    public static NetworkResponse ToNetworkResponse(this NetworkView view, int maxNodes, GraphSnapshot? snapshot, ScoredGraph? scored) =>
        new(view.CenterUscc, view.Depth, maxNodes, view.Nodes.Select(n => Enrich(n, snapshot, scored)).ToArray(), view.Edges, view.Truncated, view.OmittedNodes);

    private static NetworkNodeResponse Enrich(NetworkNode node, GraphSnapshot? snapshot, ScoredGraph? scored)
    {
        int id = snapshot?.Ids.IdOf(node.Id) ?? IdMap.NotFound;
        if (snapshot is null || id == IdMap.NotFound || !snapshot.Ids.IsEnterprise(id))
            return new NetworkNodeResponse(node.Id, node.Kind, node.Label, node.Industry, node.Region, node.Hops, null, null, null, null);
        var creditClass = snapshot.Classes[id];
        // The Louvain community lets the explorer fold one community into a compound node.
        int? community = scored is not null && ReferenceEquals(scored.Snapshot, snapshot) ? scored.Analytics.Communities.Community[id] : null;
        double? score = scored is not null && ReferenceEquals(scored.Snapshot, snapshot) ? Math.Round(scored.Probability[id], 6) : null;
        return new NetworkNodeResponse(node.Id, node.Kind, node.Label, node.Industry, node.Region, node.Hops,
            creditClass.Name(), creditClass.Colour(), score, score is null ? null : WarningLevels.LevelOf(score.Value), community);
    }
}
