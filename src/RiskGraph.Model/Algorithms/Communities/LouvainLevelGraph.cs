using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Communities;

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
        Strength = new double[offsets.Length - 1];
        TotalStrength = weights is null ? Strengths(new UnitWeights()) : Strengths(new SlotWeights(weights));
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

    public int SlotCount => Targets.Length;

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

    /// <summary>
    /// Modularity of the partition that puts every node of this level alone: Σ_c [self_c / 2m − (k_c / 2m)²].
    /// After a collapse this is the modularity of the level below's communities, computed from n' nodes instead
    /// of re-walking the m edges below.
    /// </summary>
    public double SingletonModularity() =>
        Weights is null ? SingletonModularity(new UnitWeights()) : SingletonModularity(new SlotWeights(Weights));

    private double SingletonModularity<TWeights>(TWeights weights) where TWeights : struct, ILouvainWeights
    {
        double m2 = TotalStrength;
        if (m2 == 0) return 0;
        double inside = 0, squares = 0;
        for (int v = 0; v < NodeCount; v++)
        {
            for (int e = Offsets[v], end = Offsets[v + 1]; e < end; e++)
                if (Targets[e] == v) inside += weights.At(e);
            squares += Strength[v] / m2 * (Strength[v] / m2);
        }
        return inside / m2 - squares;
    }

    private double Strengths<TWeights>(TWeights weights) where TWeights : struct, ILouvainWeights
    {
        double total = 0;
        for (int v = 0; v < Strength.Length; v++)
        {
            double s = 0;
            for (int e = Offsets[v], end = Offsets[v + 1]; e < end; e++) s += weights.At(e);
            Strength[v] = s;
            total += s;
        }
        return total;
    }
}
