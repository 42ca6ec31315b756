using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.SupplyChain;

/// <summary>
/// The supply links between the core enterprise and the members of its chain view (<see cref="SupplyChainView"/>),
/// so the chain can be drawn in layers: tier -h for suppliers h links up, 0 for the core, +h for buyers h links down.
/// Only links between enterprises of the view are kept, at most <paramref name="limit"/>.
/// </summary>
public static class SupplyChainTiers
{
    public static List<(int Supplier, int Buyer, double Amount)> Links(GraphSnapshot snapshot, SupplyChainView view, int limit)
    {
        var graph = snapshot.Graph;
        var inView = new HashSet<int>(view.Members.Count + 1) { view.Core };
        foreach (var member in view.Members) inView.Add(member.Enterprise);
        byte toBuyer = EdgeKind.Outgoing(RelationType.SuppliesTo);
        var links = new List<(int, int, double)>();
        foreach (int v in inView.Order())
        {
            for (int e = graph.Offsets[v]; e < graph.Offsets[v + 1] && links.Count < limit; e++)
            {
                if (graph.Kinds[e] == toBuyer && inView.Contains(graph.Targets[e])) links.Add((v, graph.Targets[e], graph.Weights[e]));
            }
        }
        return links;
    }
}
