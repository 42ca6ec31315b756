using Microsoft.ML.Trainers.FastTree;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// One regression tree as flat arrays over slots: 0..NodeCount-1 are split nodes, NodeCount+leaf are leaves.
/// ML.NET encodes a leaf child as ~leafIndex and sends a value &lt;= threshold (and not NaN) to the left.
/// Besides the structure it holds what TreeSHAP needs per split, precomputed once: the share of the background
/// data that goes left and right, and the tree's depth (to size the path scratch).
/// </summary>
internal sealed class TreeArrays
{
    /// <summary>
    /// Added to every leaf's background count, so a leaf no background row reaches still has a (tiny) share and no
    /// fraction is 0/0. At 1e-6 of a row it moves expectations by far less than float precision.
    /// </summary>
    internal const double CoverPrior = 1e-6;

    private readonly int[] _left;
    private readonly int[] _right;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly double[] _leafValue;

    public TreeArrays(RegressionTreeBase tree)
    {
        _left = tree.LeftChild.ToArray();
        _right = tree.RightChild.ToArray();
        _feature = tree.NumericalSplitFeatureIndexes.ToArray();
        _threshold = tree.NumericalSplitThresholds.ToArray();
        _leafValue = tree.LeafValues.ToArray();
        NodeCount = _left.Length;
        Cover = new double[NodeCount + _leafValue.Length];
        LeftShare = new double[NodeCount];
        RightShare = new double[NodeCount];
    }

    public int NodeCount { get; }

    /// <summary>Background rows reaching each slot (plus <see cref="CoverPrior"/> per leaf).</summary>
    public double[] Cover { get; }

    /// <summary>Cover(left child) / Cover(node) per split node.</summary>
    public double[] LeftShare { get; }

    public double[] RightShare { get; }

    /// <summary>Splits on the longest root-to-leaf path.</summary>
    public int Depth { get; private set; }

    /// <summary>Cover-weighted mean leaf value: the tree's output on an average background row.</summary>
    public double Expectation { get; private set; }

    public int FeatureOf(int node) => _feature[node];

    public double LeafValue(int slot) => _leafValue[slot - NodeCount];

    /// <summary>The slot of the child the example goes to (leaf slots are NodeCount + leaf).</summary>
    public int ChildOf(int node, ReadOnlySpan<float> features)
    {
        int child = features[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        return child < 0 ? NodeCount + ~child : child;
    }

    public int LeftSlot(int node) => Slot(_left[node]);

    public int RightSlot(int node) => Slot(_right[node]);

    public int LeafOf(ReadOnlySpan<float> features)
    {
        if (NodeCount == 0) return 0;
        int slot = 0;
        while (slot < NodeCount) slot = ChildOf(slot, features);
        return slot - NodeCount;
    }

    public double Predict(ReadOnlySpan<float> features) => _leafValue[LeafOf(features)];

    /// <summary>After the leaf covers are counted: split covers, shares, depth and the expectation.</summary>
    public void Finish()
    {
        for (int leaf = 0; leaf < _leafValue.Length; leaf++) Cover[NodeCount + leaf] += CoverPrior;
        if (NodeCount == 0)
        {
            Expectation = _leafValue[0];
            return;
        }
        Depth = Accumulate(0);
        double sum = 0;
        for (int leaf = 0; leaf < _leafValue.Length; leaf++) sum += Cover[NodeCount + leaf] * _leafValue[leaf];
        Expectation = sum / Cover[0];
    }

    // Post-order; returns the depth below the node. Trees are shallow (at most leaves-1 splits deep).
    private int Accumulate(int node)
    {
        int left = LeftSlot(node), right = RightSlot(node);
        int depthLeft = left < NodeCount ? Accumulate(left) : 0;
        int depthRight = right < NodeCount ? Accumulate(right) : 0;
        double cover = Cover[left] + Cover[right];
        Cover[node] = cover;
        LeftShare[node] = Cover[left] / cover;
        RightShare[node] = Cover[right] / cover;
        return 1 + Math.Max(depthLeft, depthRight);
    }

    private int Slot(int child) => child < 0 ? NodeCount + ~child : child;
}
