using System.Runtime.CompilerServices;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Ownership;

/// <summary>
/// The share each SHAREHOLDER_OF edge carries in equity penetration. Where the shares held in one enterprise add
/// up to more than 1 (impossible data, which the import refuses, but a store may predate that check), they are
/// scaled down in proportion so they add up to 1: the only correction that invents no ownership and keeps the
/// holders' ratios. With every enterprise's shares at most 1 the upward walk loses mass or keeps it, never gains
/// it, so no integrated share can exceed 100 %. Computed once per graph and kept beside it; for consistent data
/// (the usual case) no scale array is kept and the share is the edge weight alone.
/// </summary>
internal sealed class OwnershipShares
{
    private static readonly ConditionalWeakTable<CsrGraph, OwnershipShares> Cache = new();
    private static readonly byte ShareholderIn = EdgeKind.Incoming(RelationType.ShareholderOf);

    private readonly float[] _weights;
    private readonly double[]? _scale;

    private OwnershipShares(CsrGraph graph)
    {
        _weights = graph.Weights;
        int[] offsets = graph.Offsets;
        byte[] kinds = graph.Kinds;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            double sum = 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
                if (kinds[e] == ShareholderIn) sum += ShareOf(_weights[e]);
            // A few ulps above 1 from summing rounded decimals is not worth a scale.
            if (sum <= 1 + 1e-9) continue;
            _scale ??= CreateOnes(graph.NodeCount);
            _scale[v] = 1 / sum;
        }
    }

    public static OwnershipShares For(CsrGraph graph) => Cache.GetValue(graph, g => new OwnershipShares(g));

    /// <summary>Whether some enterprise's shares had to be scaled down.</summary>
    public bool Scaled => _scale is not null;

    /// <summary>The share edge slot <paramref name="edge"/> carries; <paramref name="held"/> is the enterprise the shares are held in.</summary>
    public double Share(int edge, int held)
    {
        double share = ShareOf(_weights[edge]);
        return _scale is null ? share : share * _scale[held];
    }

    /// <summary>
    /// The share an edge weight stands for. The graph keeps weights as float (0.6 becomes 0.60000002); shares are
    /// published with at most a few decimals and a float is good to about 7 significant digits, so rounding to 6
    /// decimals restores the exact decimal and keeps that noise out of products along long chains.
    /// </summary>
    public static double ShareOf(float weight) => Math.Round(weight, 6);

    private static double[] CreateOnes(int count)
    {
        var ones = new double[count];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
