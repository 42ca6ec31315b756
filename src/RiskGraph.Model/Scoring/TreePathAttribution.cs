using Microsoft.ML.Trainers.FastTree;
using RiskGraph.Model.Features;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// Exact additive reasons for a boosted-tree score. For every tree, a node's expected value is the
/// data-weighted mean of the leaves below it; walking from the root to the example's leaf, each split moves
/// the expectation, and that move is credited to the split's feature. Per tree, root expectation plus credits
/// equals the leaf value, so bias + sum(contributions) = raw score exactly. (ML.NET's own tree contributions
/// are not additive, which is why this is computed here.) Immutable and thread-safe once built.
/// </summary>
public sealed class TreePathAttribution
{
    private readonly TreeArrays[] _trees;
    private readonly double[] _treeWeights;
    private readonly double _ensembleBias;

    public TreePathAttribution(FastTreeBinaryModelParameters model, FeatureMatrix sample, int sampleColumns, int maxSampleRows = 20_000)
    {
        var ensemble = model.TrainedTreeEnsemble;
        FeatureCount = sampleColumns;
        _treeWeights = ensemble.TreeWeights.ToArray();
        _trees = ensemble.Trees.Select(t => new TreeArrays(t)).ToArray();
        int step = Math.Max(1, sample.Rows / maxSampleRows);
        var features = new float[sampleColumns];
        foreach (var tree in _trees)
        {
            for (int row = 0; row < sample.Rows; row += step)
            {
                sample.Row(row)[..sampleColumns].CopyTo(features);
                tree.Cover[tree.LeafOf(features) + tree.NodeCount]++;
            }
            tree.ComputeExpectations();
        }
        _ensembleBias = ensemble.Bias;
        double bias = ensemble.Bias;
        for (int t = 0; t < _trees.Length; t++) bias += _treeWeights[t] * _trees[t].Expectation[0];
        Bias = bias;
    }

    public int FeatureCount { get; }

    /// <summary>The raw score of an average example: what the contributions start from.</summary>
    public double Bias { get; }

    /// <summary>Fills <paramref name="contributions"/> (one per feature) and returns the raw score.</summary>
    public double Explain(ReadOnlySpan<float> features, Span<double> contributions)
    {
        if (contributions.Length != FeatureCount) throw new ArgumentException("One contribution slot per feature expected.", nameof(contributions));
        contributions.Clear();
        // The raw score is the ensemble's own bias plus the weighted leaf values; the credits account for the
        // difference between that and Bias.
        double score = _ensembleBias;
        for (int t = 0; t < _trees.Length; t++)
        {
            score += _treeWeights[t] * _trees[t].Attribute(features, contributions, _treeWeights[t]);
        }
        return score;
    }
}
