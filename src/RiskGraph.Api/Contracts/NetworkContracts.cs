using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Contracts;

/// <summary>The association network around an enterprise. Person ids are keyed hashes, never ID numbers.</summary>
/// <param name="Truncated">True when nodes were left out to stay within <paramref name="MaxNodes"/>.</param>
/// <param name="OmittedNodes">How many nodes were left out.</param>
public sealed record NetworkResponse(
    string Center, int Depth, int MaxNodes, IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, bool Truncated, int OmittedNodes);

public static class NetworkContracts
{
    public const int DefaultMaxNodes = 200;
    public const int MaxNodesLimit = 5000;

    public static NetworkResponse ToNetworkResponse(this NetworkView view, int maxNodes) =>
        new(view.CenterUscc, view.Depth, maxNodes, view.Nodes, view.Edges, view.Truncated, view.OmittedNodes);
}
