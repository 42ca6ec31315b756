using Microsoft.ML.Trainers.FastTree;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// One regression tree as flat arrays. Slots 0..NodeCount-1 are split nodes, NodeCount+leaf are leaves;
/// ML.NET encodes a leaf child as ~leafIndex and sends a value &lt;= threshold to the left.
/// </summary>
internal sealed class TreeArrays
{
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
        Expectation = new double[NodeCount + _leafValue.Length];
    }

    public int NodeCount { get; }

    /// <summary>How many sample rows reach each slot.</summary>
    public double[] Cover { get; }

    /// <summary>Cover-weighted mean leaf value below each slot.</summary>
    public double[] Expectation { get; }

    public int LeafOf(ReadOnlySpan<float> features)
    {
        if (NodeCount == 0) return 0;
        int node = 0;
        while (true)
        {
            int child = features[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
            if (child < 0) return ~child;
            node = child;
        }
    }

    public void ComputeExpectations()
    {
        for (int leaf = 0; leaf < _leafValue.Length; leaf++) Expectation[NodeCount + leaf] = _leafValue[leaf];
        if (NodeCount > 0) Accumulate(0);
    }

    /// <summary>Adds this tree's credits (times <paramref name="weight"/>) and returns its leaf value.</summary>
    public double Attribute(ReadOnlySpan<float> features, Span<double> contributions, double weight)
    {
        if (NodeCount == 0) return _leafValue[0];
        int node = 0;
        while (true)
        {
            int child = features[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
            int slot = child < 0 ? NodeCount + ~child : child;
            contributions[_feature[node]] += weight * (Expectation[slot] - Expectation[node]);
            if (child < 0) return _leafValue[~child];
            node = child;
        }
    }

    // Post-order: a node's cover and expectation come from its two children. Trees are shallow (≤ leaves-1 deep).
    private void Accumulate(int node)
    {
        int left = Slot(_left[node]), right = Slot(_right[node]);
        if (left < NodeCount) Accumulate(left);
        if (right < NodeCount) Accumulate(right);
        double cover = Cover[left] + Cover[right];
        Cover[node] = cover;
        Expectation[node] = cover > 0
            ? (Cover[left] * Expectation[left] + Cover[right] * Expectation[right]) / cover
            : (Expectation[left] + Expectation[right]) / 2;
    }

    private int Slot(int child) => child < 0 ? NodeCount + ~child : child;
}
