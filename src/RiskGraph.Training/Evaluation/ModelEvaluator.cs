using Microsoft.ML;
using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;
using RiskGraph.Training.Pipelines;

namespace RiskGraph.Training.Evaluation;

/// <summary>
/// Test-set metrics of a model's calibrated probabilities: ML.NET's AUC, AUPRC and F1 (at p ≥ 0.5), plus the
/// Brier score, precision among the top-scored 1 %, and a 10-bin reliability table.
/// </summary>
public static class ModelEvaluator
{
    public static ModelMetrics Evaluate(WarningModel model, FeatureMatrix matrix, LabelVector labels, IReadOnlyList<int> testRows)
    {
        var (raw, probability) = model.Score(matrix, testRows);
        return Evaluate(raw, probability, testRows, labels);
    }

    public static ModelMetrics Evaluate(float[] raw, float[] probability, IReadOnlyList<int> rows, LabelVector labels)
    {
        var ml = new MLContext(0);
        var view = ml.Data.LoadFromEnumerable(rows.Select((row, i) => new EvaluatedRow
        {
            Label = labels.IsRisky(row), Score = raw[i], Probability = probability[i], PredictedLabel = probability[i] >= 0.5f,
        }));
        var metrics = ml.BinaryClassification.Evaluate(view);
        double brier = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            double error = probability[i] - (labels.IsRisky(rows[i]) ? 1 : 0);
            brier += error * error;
        }
        return new ModelMetrics(
            metrics.AreaUnderRocCurve, metrics.AreaUnderPrecisionRecallCurve, double.IsNaN(metrics.F1Score) ? 0 : metrics.F1Score,
            PrecisionAtTop(probability, rows, labels, 0.01), rows.Count, rows.Count(labels.IsRisky))
        {
            Brier = brier / Math.Max(1, rows.Count),
            Reliability = ReliabilityBins(probability, rows, labels, 10),
        };
    }

    public static double PrecisionAtTop(float[] probability, IReadOnlyList<int> rows, LabelVector labels, double fraction)
    {
        if (rows.Count == 0) return 0;
        int take = Math.Max(1, (int)Math.Ceiling(rows.Count * fraction));
        // Ties broken by row id so the figure is deterministic.
        var order = Enumerable.Range(0, rows.Count).OrderByDescending(i => probability[i]).ThenBy(i => rows[i]).Take(take);
        return order.Count(i => labels.IsRisky(rows[i])) / (double)take;
    }

    /// <summary>Equal-width probability bins: mean predicted probability against the observed risky share.</summary>
    public static IReadOnlyList<ReliabilityBin> ReliabilityBins(float[] probability, IReadOnlyList<int> rows, LabelVector labels, int bins)
    {
        var count = new int[bins];
        var predicted = new double[bins];
        var observed = new int[bins];
        for (int i = 0; i < rows.Count; i++)
        {
            int bin = Math.Min(bins - 1, (int)(probability[i] * bins));
            count[bin]++;
            predicted[bin] += probability[i];
            if (labels.IsRisky(rows[i])) observed[bin]++;
        }
        return Enumerable.Range(0, bins).Where(b => count[b] > 0)
            .Select(b => new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b], predicted[b] / count[b], (double)observed[b] / count[b]))
            .ToArray();
    }

    private sealed class EvaluatedRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
