using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Components;

/// <summary>
/// Weakly connected components by union-find with path halving over the edge slots: near-linear and a
/// single pass over the arrays. Union by smaller id keeps the result independent of edge order.
/// </summary>
public sealed class Wcc(CsrGraph graph, WccParameters parameters, CancellationToken cancellationToken = default)
{
    public WccResult Compute()
    {
        parameters.Validate();
        int n = graph.NodeCount;
        var parent = new int[n];
        for (int v = 0; v < n; v++) parent[v] = v;
        int[] offsets = graph.Offsets;
        int[] targets = graph.Targets;

        for (int v = 0; v < n; v++)
        {
            if ((v & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                int a = Find(parent, v), b = Find(parent, targets[e]);
                if (a == b) continue;
                if (a < b) parent[b] = a;
                else parent[a] = b;
            }
        }

        var component = new int[n];
        var sizes = new List<int>();
        for (int v = 0; v < n; v++)
        {
            int root = Find(parent, v);
            if (root == v)
            {
                component[v] = sizes.Count;
                sizes.Add(0);
            }
            else
            {
                // The root has the smallest id of its component, so it was numbered before v.
                component[v] = component[root];
            }
            sizes[component[v]]++;
        }
        return new WccResult(component, sizes.ToArray());
    }

    private static int Find(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
