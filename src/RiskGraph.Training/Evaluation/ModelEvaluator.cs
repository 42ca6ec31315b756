using Microsoft.ML;
using Microsoft.ML.Data;
using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;
using RiskGraph.Training.Pipelines;

namespace RiskGraph.Training.Evaluation;

/// <summary>Test-set metrics for a model: ML.NET's AUC, AUPRC and F1, plus precision among the top-scored 1 %.</summary>
public static class ModelEvaluator
{
    public static ModelMetrics Evaluate(WarningModel model, FeatureMatrix matrix, LabelVector labels, IReadOnlyList<int> testRows)
    {
        var ml = new MLContext(0);
        var view = ModelDataViews.Create(ml, matrix, testRows, model.Schema.Count, labels.IsRisky);
        var metrics = ml.BinaryClassification.Evaluate(model.Transformer.Transform(view));
        var (_, probability) = model.Score(matrix, testRows);
        int positives = testRows.Count(labels.IsRisky);
        return new ModelMetrics(
            metrics.AreaUnderRocCurve, metrics.AreaUnderPrecisionRecallCurve, SafeF1(metrics),
            PrecisionAtTop(probability, testRows, labels, 0.01), testRows.Count, positives);
    }

    public static double PrecisionAtTop(float[] probability, IReadOnlyList<int> rows, LabelVector labels, double fraction)
    {
        if (rows.Count == 0) return 0;
        int take = Math.Max(1, (int)Math.Ceiling(rows.Count * fraction));
        // Ties broken by row id so the figure is deterministic.
        var order = Enumerable.Range(0, rows.Count).OrderByDescending(i => probability[i]).ThenBy(i => rows[i]).Take(take);
        return order.Count(i => labels.IsRisky(rows[i])) / (double)take;
    }

    private static double SafeF1(CalibratedBinaryClassificationMetrics metrics) => double.IsNaN(metrics.F1Score) ? 0 : metrics.F1Score;
}
