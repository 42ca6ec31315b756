using System.Numerics;
using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Ranking;

/// <summary>
/// The power iteration shared by <see cref="PageRank"/> and <see cref="PersonalizedPageRank"/>, on the
/// undirected view. Pull-based: node v sums share[u] (= rank[u] / strength[u]) over its own edge slots, so each
/// node is written by one thread and no atomics are needed. Every relation is stored at both ends with the same
/// weight, so v's slot towards u carries the weight of u's slot towards v and the pull reads only v's slots.
/// Rank that would leave a node with no (weighted) edges goes back through the teleport distribution, so the
/// scores always sum to 1. Per-batch partial sums are combined in batch order, which does not depend on the
/// thread count, so 1 and N threads give bit-identical scores.
/// <para>
/// Speed: the random reads of share[u] are nearly the whole cost, so shares are kept as float whenever that
/// cannot change the answer (half the bytes, so much more of the array stays in cache; two to three times faster
/// at ten million edge slots). Float rounds a share by at most 2⁻²⁴ of itself, so a score moves by at most about
/// 2⁻²⁴ of the largest score; that is harmless when it is well below the tolerance or below the truncation
/// error dᵏ that the iteration budget leaves anyway. Otherwise (tight tolerances, long runs, tiny graphs with
/// large scores) shares are double. Ranks and sums are always double. Each node's next share is written right
/// after its rank, so there is no separate pass.
/// </para>
/// </summary>
internal sealed class RankPropagation(
    CsrGraph graph, bool weighted, int concurrency, IProgress<double>? progress, CancellationToken cancellationToken)
{
    /// <summary>Float noise must stay this many times below what the caller asked for.</summary>
    private const double FloatNoise = 16.0 / (1 << 24);

    /// <param name="teleport">Jump distribution summing to 1; null means uniform over all nodes.</param>
    public (double[] Rank, int Iterations, bool Converged) Run(double damping, int maxIterations, double tolerance, double[]? teleport)
    {
        int n = graph.NodeCount;
        CheckLayout(graph);
        double[] inverseStrength = weighted ? InverseWeightedStrengths() : InverseDegrees();
        var rank = new double[n];
        if (teleport is null) Array.Fill(rank, 1.0 / n);
        else Array.Copy(teleport, rank, n);
        var next = new double[n];
        double maxRank = Max(rank);
        bool truncationDominates = Math.Pow(damping, maxIterations) >= FloatNoise;
        bool single = truncationDominates || maxRank * FloatNoise <= tolerance;
        var floatShares = single ? new ShareBuffers<float>(n) : null;
        ShareBuffers<double>? doubleShares = single ? null : new ShareBuffers<double>(n);
        double dangling = single
            ? RankStep<float>.InitialShares(rank, inverseStrength, floatShares!.Current)
            : RankStep<double>.InitialShares(rank, inverseStrength, doubleShares!.Current);

        int iteration = 0;
        bool converged = false;
        while (iteration < maxIterations && !converged)
        {
            if (single && !truncationDominates && maxRank * FloatNoise > tolerance)
            {
                // Scores grew so large that float noise could hide convergence: continue exactly from the ranks.
                single = false;
                doubleShares = new ShareBuffers<double>(n);
                RankStep<double>.InitialShares(rank, inverseStrength, doubleShares.Current);
            }
            // Teleport mass: the (1 - d) jump plus the damped rank of nodes with nowhere to go.
            double jump = (1 - damping) + damping * dangling;
            double maxDelta;
            (maxDelta, dangling, maxRank) = single
                ? Iterate(floatShares!, damping, jump, teleport, inverseStrength, rank, next)
                : Iterate(doubleShares!, damping, jump, teleport, inverseStrength, rank, next);
            (rank, next) = (next, rank);
            iteration++;
            // The largest change does not depend on summation order, so 1 and N threads stop at the same iteration.
            converged = maxDelta <= tolerance;
            progress?.Report((double)iteration / maxIterations);
        }
        progress?.Report(1.0);
        return (rank, iteration, converged);
    }

    private (double MaxDelta, double Dangling, double MaxRank) Iterate<T>(
        ShareBuffers<T> shares, double damping, double jump, double[]? teleport, double[] inverseStrength, double[] rank, double[] next)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var step = new RankStep<T>(graph, weighted, damping, jump, teleport, inverseStrength, rank, shares.Current, next, shares.Next);
        int batches = (graph.NodeCount + NodeBatches.BatchSize - 1) / NodeBatches.BatchSize;
        var results = new (double MaxDelta, double Dangling, double MaxRank)[batches];
        NodeBatches.Run(graph.NodeCount, concurrency, cancellationToken, (start, end) => results[start / NodeBatches.BatchSize] = step.Pull(start, end));
        shares.Swap();
        double maxDelta = 0, dangling = 0, maxRank = 0;
        foreach (var (delta, danglingRank, largest) in results)
        {
            maxDelta = Math.Max(maxDelta, delta);
            dangling += danglingRank;
            maxRank = Math.Max(maxRank, largest);
        }
        return (maxDelta, dangling, maxRank);
    }

    /// <summary>This iteration's shares and the next one's, swapped after every iteration.</summary>
    private sealed class ShareBuffers<T>(int n)
    {
        public T[] Current { get; private set; } = new T[n];

        public T[] Next { get; private set; } = new T[n];

        public void Swap() => (Current, Next) = (Next, Current);
    }

    /// <summary>
    /// The pull loops read slots and shares without bounds checks, so every slot range must lie inside the arrays
    /// and every target must be a node id. Graphs built by <see cref="CsrGraphBuilder"/> always pass; a hand-made
    /// CSR with a bad offset or id fails here instead of reading stray memory. One pass, before iterating.
    /// </summary>
    private static void CheckLayout(CsrGraph graph)
    {
        int[] offsets = graph.Offsets;
        if (offsets[0] < 0) throw new ArgumentException("The first CSR offset is negative.", nameof(graph));
        for (int v = 0; v < graph.NodeCount; v++)
            if (offsets[v + 1] < offsets[v]) throw new ArgumentException($"CSR offsets decrease at node {v}.", nameof(graph));
        uint n = (uint)graph.NodeCount;
        foreach (int t in graph.Targets)
            if ((uint)t >= n) throw new ArgumentException($"Edge target {t} is not a node id of a graph with {n} nodes.", nameof(graph));
    }

    /// <summary>1 / degree, or 0 for a node without edges (its rank is dangling).</summary>
    private double[] InverseDegrees()
    {
        int[] offsets = graph.Offsets;
        var inverse = new double[graph.NodeCount];
        for (int v = 0; v < inverse.Length; v++)
        {
            int degree = offsets[v + 1] - offsets[v];
            inverse[v] = degree == 0 ? 0 : 1.0 / degree;
        }
        return inverse;
    }

    /// <summary>1 / sum of slot weights; a negative or non-finite weight would make "probability" meaningless.</summary>
    private double[] InverseWeightedStrengths()
    {
        int[] offsets = graph.Offsets;
        float[] weights = graph.Weights;
        var inverse = new double[graph.NodeCount];
        for (int v = 0; v < inverse.Length; v++)
        {
            double sum = 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                float w = weights[e];
                if (!(w >= 0) || float.IsInfinity(w))
                    throw new ArgumentException($"Weighted ranking needs finite non-negative weights; node {v} has an edge weighing {w}.");
                sum += w;
            }
            inverse[v] = sum == 0 ? 0 : 1 / sum;
        }
        return inverse;
    }

    private static double Max(double[] values)
    {
        double max = 0;
        foreach (double v in values) max = Math.Max(max, v);
        return max;
    }
}
