using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Ownership;

/// <summary>Turns every enterprise's top controller into numbered groups with their members and totals, by counting over arrays.</summary>
internal static class GroupAggregates
{
    private static readonly byte GuaranteesOut = EdgeKind.Outgoing(RelationType.Guarantees);
    private static readonly byte SuppliesOut = EdgeKind.Outgoing(RelationType.SuppliesTo);

    public static ConglomerateGroupsResult Build(GraphSnapshot snapshot, int[] root, int[] depth, int[] controlledBy, int minSize)
    {
        int n = snapshot.EnterpriseCount, nodes = snapshot.Graph.NodeCount;
        var size = new int[nodes];
        for (int v = 0; v < n; v++) size[root[v]]++;
        var roots = new List<int>();
        for (int r = 0; r < nodes; r++)
            if (size[r] >= minSize) roots.Add(r);
        roots.Sort((a, b) => size[a] != size[b] ? size[b].CompareTo(size[a]) : a.CompareTo(b));
        var number = new int[nodes];
        Array.Fill(number, -1);
        for (int g = 0; g < roots.Count; g++) number[roots[g]] = g;

        int groups = roots.Count;
        var offsets = new int[groups + 1];
        for (int g = 0; g < groups; g++) offsets[g + 1] = offsets[g] + size[roots[g]];
        var members = new int[offsets[groups]];
        var cursor = offsets[..groups];
        var groupOf = new int[n];
        for (int v = 0; v < n; v++)
        {
            int g = number[root[v]];
            groupOf[v] = g;
            if (g >= 0) members[cursor[g]++] = v;
        }

        var capital = new double[groups];
        var negative = new int[groups];
        var guarantees = new int[groups];
        var guaranteeAmount = new double[groups];
        var supplies = new int[groups];
        var supplyAmount = new double[groups];
        var graph = snapshot.Graph;
        for (int v = 0; v < n; v++)
        {
            int g = groupOf[v];
            if (g < 0) continue;
            capital[g] += snapshot.Enterprises.RegisteredCapital[v];
            if (snapshot.Credit.Negative[v]) negative[g]++;
            for (int e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
            {
                int u = graph.Targets[e];
                if (u >= n || u == v || groupOf[u] != g) continue;
                double amount = float.IsFinite(graph.Weights[e]) ? Math.Max(0, graph.Weights[e]) : 0;
                if (graph.Kinds[e] == GuaranteesOut)
                {
                    guarantees[g]++;
                    guaranteeAmount[g] += amount;
                }
                else if (graph.Kinds[e] == SuppliesOut)
                {
                    supplies[g]++;
                    supplyAmount[g] += amount;
                }
            }
        }
        return new ConglomerateGroupsResult(groupOf, offsets, members, roots.ToArray(), controlledBy, depth, capital, negative,
            guarantees, guaranteeAmount, supplies, supplyAmount);
    }
}
