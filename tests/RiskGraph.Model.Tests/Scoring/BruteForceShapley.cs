using Microsoft.ML.Trainers.FastTree;
using RiskGraph.Model.Features;

namespace RiskGraph.Model.Tests.Scoring;

/// <summary>Shapley values of a tree ensemble from the definition, for a handful of features (2^M coalitions).</summary>
internal sealed class BruteForceShapley
{
    private readonly RegressionTreeBase[] _trees;
    private readonly double[] _weights;
    private readonly double _bias;
    private readonly double[][] _leafCover;
    private readonly int _features;

    public BruteForceShapley(TreeEnsembleModelParametersBasedOnRegressionTree model, FeatureMatrix background, int features)
    {
        var ensemble = model.TrainedTreeEnsemble;
        _trees = ensemble.Trees.ToArray();
        _weights = ensemble.TreeWeights.ToArray();
        _bias = ensemble.Bias;
        _features = features;
        _leafCover = _trees.Select(t => new double[t.LeafValues.Count]).ToArray();
        for (int row = 0; row < background.Rows; row++)
        {
            var x = background.Row(row);
            for (int t = 0; t < _trees.Length; t++) _leafCover[t][LeafOf(_trees[t], x)]++;
        }
        Expected = Value(new float[features], 0);
    }

    /// <summary>The value of the empty coalition: the mean output over the background rows.</summary>
    public double Expected { get; }

    public double[] Values(ReadOnlySpan<float> x)
    {
        int m = _features;
        var values = new double[1 << m];
        var copy = x.ToArray();
        for (int mask = 0; mask < values.Length; mask++) values[mask] = Value(copy, mask);
        var phi = new double[m];
        for (int f = 0; f < m; f++)
        {
            for (int mask = 0; mask < values.Length; mask++)
            {
                if ((mask & (1 << f)) != 0) continue;
                int size = System.Numerics.BitOperations.PopCount((uint)mask);
                double weight = Factorial(size) * Factorial(m - size - 1) / Factorial(m);
                phi[f] += weight * (values[mask | (1 << f)] - values[mask]);
            }
        }
        return phi;
    }

    private double Value(float[] x, int mask)
    {
        double value = _bias;
        for (int t = 0; t < _trees.Length; t++)
        {
            var tree = _trees[t];
            value += _weights[t] * (tree.LeftChild.Count == 0 ? tree.LeafValues[0] : Expect(tree, _leafCover[t], x, mask, 0).Value);
        }
        return value;
    }

    // Returns the cover-weighted expectation below a child reference and the cover under it.
    private static (double Value, double Cover) Expect(RegressionTreeBase tree, double[] leafCover, float[] x, int mask, int child)
    {
        if (child < 0) return (tree.LeafValues[~child], leafCover[~child]);
        int feature = tree.NumericalSplitFeatureIndexes[child];
        var left = Expect(tree, leafCover, x, mask, tree.LeftChild[child]);
        var right = Expect(tree, leafCover, x, mask, tree.RightChild[child]);
        double cover = left.Cover + right.Cover;
        if ((mask & (1 << feature)) != 0)
            return (x[feature] <= tree.NumericalSplitThresholds[child] ? left.Value : right.Value, cover);
        return ((left.Value * left.Cover + right.Value * right.Cover) / cover, cover);
    }

    private static int LeafOf(RegressionTreeBase tree, ReadOnlySpan<float> x)
    {
        if (tree.LeftChild.Count == 0) return 0;
        int node = 0;
        while (true)
        {
            int next = x[tree.NumericalSplitFeatureIndexes[node]] <= tree.NumericalSplitThresholds[node] ? tree.LeftChild[node] : tree.RightChild[node];
            if (next < 0) return ~next;
            node = next;
        }
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
