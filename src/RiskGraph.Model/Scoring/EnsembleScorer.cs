using Microsoft.ML.Trainers.FastTree;
using RiskGraph.Model.Features;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// The ensemble's raw margin (bias plus weighted leaf values, what ML.NET's scorer calls Score) walked directly over
/// flat tree arrays. ML.NET's own path builds a data view per call (reflection-emitted getters, cursors), which is
/// fine for a whole matrix but costs more than the trees themselves for the few rows a live change rescores; every
/// caller of <see cref="WarningModel.Score"/> goes through here so that a row scored in place and the same row in a
/// full build get the same bits. Thread-safe.
/// </summary>
internal sealed class EnsembleScorer
{
    // Below this many rows one thread scores them; above, the rows are split over the processors.
    private const int ParallelRows = 16_384;

    private readonly TreeArrays[] _trees;
    private readonly double[] _weights;
    private readonly double _bias;

    public EnsembleScorer(TreeEnsembleModelParametersBasedOnRegressionTree model)
    {
        var ensemble = model.TrainedTreeEnsemble;
        _trees = ensemble.Trees.Select(t => new TreeArrays(t)).ToArray();
        _weights = ensemble.TreeWeights.ToArray();
        _bias = ensemble.Bias;
    }

    public double Margin(ReadOnlySpan<float> features)
    {
        double score = _bias;
        for (int t = 0; t < _trees.Length; t++) score += _weights[t] * _trees[t].Predict(features);
        return score;
    }

    /// <summary>The float margins of <paramref name="rows"/>, the first <paramref name="columns"/> features of each.</summary>
    public float[] Margins(FeatureMatrix matrix, IReadOnlyList<int> rows, int columns)
    {
        var margins = new float[rows.Count];
        if (rows.Count < ParallelRows)
        {
            for (int i = 0; i < margins.Length; i++) margins[i] = (float)Margin(matrix.Row(rows[i])[..columns]);
            return margins;
        }
        int parts = Environment.ProcessorCount;
        Parallel.For(0, parts, part =>
        {
            for (int i = part * margins.Length / parts, end = (part + 1) * margins.Length / parts; i < end; i++)
                margins[i] = (float)Margin(matrix.Row(rows[i])[..columns]);
        });
        return margins;
    }
}
