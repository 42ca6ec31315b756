namespace RiskGraph.Model.Storage;

/// <summary>One relation seen from a node being expanded: the node at the other end and the edge between them.</summary>
public sealed record AdjacentNode(NetworkNode Neighbour, NetworkEdge Edge);

/// <summary>
/// Breadth-first collection of an association network, shared by every store so that they cut and order
/// the result the same way: nodes are expanded level by level in id order, and once the node cap is reached
/// further nodes are counted as omitted instead of added.
/// </summary>
public static class NetworkCollector
{
    public const int MaxDepth = 3;

    public static async Task<NetworkView> CollectAsync(
        NetworkNode center,
        int depth,
        int maxNodes,
        Func<NetworkNode, CancellationToken, Task<IReadOnlyList<AdjacentNode>>> expand,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MaxDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);

        var nodes = new Dictionary<string, NetworkNode>(StringComparer.Ordinal) { [center.Id] = center };
        var edges = new Dictionary<(string, string, string, string?), NetworkEdge>();
        var omitted = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new List<NetworkNode> { center };

        for (int hop = 1; hop <= depth && frontier.Count > 0; hop++)
        {
            var next = new List<NetworkNode>();
            foreach (var node in frontier.OrderBy(n => n.Id, StringComparer.Ordinal))
            {
                var adjacent = await expand(node, cancellationToken);
                foreach (var (neighbour, edge) in adjacent.OrderBy(a => a.Neighbour.Id, StringComparer.Ordinal).ThenBy(a => a.Edge.Type))
                {
                    if (!nodes.ContainsKey(neighbour.Id))
                    {
                        if (nodes.Count >= maxNodes)
                        {
                            omitted.Add(neighbour.Id);
                            continue;
                        }
                        var placed = neighbour with { Hops = hop };
                        nodes[neighbour.Id] = placed;
                        next.Add(placed);
                    }
                    edges.TryAdd((edge.Source, edge.Target, edge.Type, edge.Title), edge);
                }
            }
            frontier = next;
        }

        return new NetworkView(
            center.Id,
            depth,
            nodes.Values.OrderBy(n => n.Hops).ThenBy(n => n.Id, StringComparer.Ordinal).ToList(),
            edges.Values.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)
                .ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Title, StringComparer.Ordinal).ToList(),
            omitted.Count > 0,
            omitted.Count);
    }
}
