using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Ranking;

/// <summary>
/// One power iteration over a range of nodes, with shares stored as <typeparamref name="T"/> (float or double;
/// the JIT compiles a separate loop for each). Reads targets and shares without bounds checks, which
/// <see cref="RankPropagation"/> makes safe by checking the CSR layout once before iterating.
/// </summary>
internal sealed class RankStep<T>(
    CsrGraph graph, bool weighted, double damping, double jump, double[]? teleport, double[] inverseStrength,
    double[] rank, T[] share, double[] next, T[] nextShare)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <returns>Largest score change, rank of nodes without edges, largest new score.</returns>
    public (double MaxDelta, double Dangling, double MaxRank) Pull(int start, int end)
    {
        int[] offsets = graph.Offsets;
        ref int targets = ref MemoryMarshal.GetArrayDataReference(graph.Targets);
        ref float weights = ref MemoryMarshal.GetArrayDataReference(graph.Weights);
        ref T shares = ref MemoryMarshal.GetArrayDataReference(share);
        double uniform = jump / rank.Length;
        double maxDelta = 0, dangling = 0, maxRank = 0;
        for (int v = start; v < end; v++)
        {
            double sum = 0;
            int last = offsets[v + 1];
            if (weighted)
            {
                for (int e = offsets[v]; e < last; e++)
                    sum += double.CreateTruncating(Unsafe.Add(ref shares, Unsafe.Add(ref targets, e))) * Unsafe.Add(ref weights, e);
            }
            else
            {
                for (int e = offsets[v]; e < last; e++) sum += double.CreateTruncating(Unsafe.Add(ref shares, Unsafe.Add(ref targets, e)));
            }
            double value = (teleport is null ? uniform : jump * teleport[v]) + damping * sum;
            maxDelta = Math.Max(maxDelta, Math.Abs(value - rank[v]));
            maxRank = Math.Max(maxRank, value);
            next[v] = value;
            double inverse = inverseStrength[v];
            nextShare[v] = T.CreateTruncating(value * inverse);
            if (inverse == 0) dangling += value;
        }
        return (maxDelta, dangling, maxRank);
    }

    /// <summary>Shares of the given ranks; returns the rank held by nodes without edges.</summary>
    public static double InitialShares(double[] rank, double[] inverseStrength, T[] share)
    {
        double dangling = 0;
        for (int v = 0; v < rank.Length; v++)
        {
            share[v] = T.CreateTruncating(rank[v] * inverseStrength[v]);
            if (inverseStrength[v] == 0) dangling += rank[v];
        }
        return dangling;
    }
}
