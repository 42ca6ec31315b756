using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms;

/// <summary>
/// The graph one Louvain level works on: at level 0 the snapshot's own arrays (not copied), above that one node
/// per community of the level below. An edge between communities carries the summed weight of the relations
/// between them, and a community's internal weight sits on one self slot holding both ends' share (2 × the
/// internal weight), so a node's strength is always the plain sum of its slot weights.
/// </summary>
internal sealed class LouvainLevelGraph
{
    public LouvainLevelGraph(int[] offsets, int[] targets, double[]? weights)
    {
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        int n = offsets.Length - 1;
        Strength = new double[n];
        double total = 0;
        for (int v = 0; v < n; v++)
        {
            double s = weights is null ? offsets[v + 1] - offsets[v] : 0;
            if (weights is not null)
                for (int e = offsets[v]; e < offsets[v + 1]; e++) s += weights[e];
            Strength[v] = s;
            total += s;
        }
        TotalStrength = total;
    }

    public int[] Offsets { get; }

    public int[] Targets { get; }

    /// <summary>Slot weights; null means 1 per slot (the unweighted level 0).</summary>
    public double[]? Weights { get; }

    /// <summary>Sum of slot weights per node (k_i).</summary>
    public double[] Strength { get; }

    /// <summary>Sum of all strengths: twice the total relation weight (2m).</summary>
    public double TotalStrength { get; }

    public int NodeCount => Offsets.Length - 1;

    public static LouvainLevelGraph FromCsr(CsrGraph graph, bool weighted)
    {
        if (!weighted) return new LouvainLevelGraph(graph.Offsets, graph.Targets, null);
        var weights = new double[graph.EdgeCount];
        for (int e = 0; e < weights.Length; e++)
        {
            float w = graph.Weights[e];
            if (!(w >= 0) || float.IsInfinity(w))
                throw new ArgumentException($"Weighted Louvain needs finite non-negative weights; edge slot {e} weighs {w}.");
            weights[e] = w;
        }
        return new LouvainLevelGraph(graph.Offsets, graph.Targets, weights);
    }

    /// <summary>Newman modularity of a partition: Σ_c [in_c / 2m − (tot_c / 2m)²].</summary>
    public double Modularity(int[] community, int communityCount)
    {
        if (TotalStrength == 0) return 0;
        var total = new double[communityCount];
        double inside = 0;
        for (int v = 0; v < NodeCount; v++)
        {
            int c = community[v];
            total[c] += Strength[v];
            for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
                if (community[Targets[e]] == c) inside += Weights is null ? 1 : Weights[e];
        }
        double q = inside / TotalStrength;
        foreach (double t in total) q -= t / TotalStrength * (t / TotalStrength);
        return q;
    }
}
