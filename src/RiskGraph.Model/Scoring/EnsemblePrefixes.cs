using Microsoft.ML.Trainers.FastTree;
using RiskGraph.Model.Features;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// Raw margins of the first k trees of an ensemble, for k = step, 2·step, …: one trained ensemble then tells how
/// many trees a validation set likes best (early stopping without retraining for every count).
/// </summary>
public static class EnsemblePrefixes
{
    /// <returns>margins[c][i]: row <c>rows[i]</c> scored by the first (c + 1) · step trees (the last checkpoint is every tree).</returns>
    public static float[][] Margins(TreeEnsembleModelParametersBasedOnRegressionTree model, FeatureMatrix matrix, IReadOnlyList<int> rows, int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var ensemble = model.TrainedTreeEnsemble;
        var trees = ensemble.Trees.Select(t => new TreeArrays(t)).ToArray();
        double[] weights = ensemble.TreeWeights.ToArray();
        int checkpoints = (trees.Length + step - 1) / step;
        var margins = new float[checkpoints][];
        for (int c = 0; c < checkpoints; c++) margins[c] = new float[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            var x = matrix.Row(rows[i]);
            double score = ensemble.Bias;
            for (int t = 0; t < trees.Length; t++)
            {
                score += weights[t] * trees[t].Predict(x);
                if ((t + 1) % step == 0 || t == trees.Length - 1) margins[t / step][i] = (float)score;
            }
        }
        return margins;
    }

    /// <summary>Trees in checkpoint <paramref name="checkpoint"/> of an ensemble of <paramref name="trees"/>.</summary>
    public static int TreesAt(int checkpoint, int step, int trees) => Math.Min((checkpoint + 1) * step, trees);
}
