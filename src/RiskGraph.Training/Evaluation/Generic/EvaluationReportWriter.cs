using ScottPlot;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Writes the report folder: ROC and precision-recall curves of both models over the pooled out-of-fold
/// predictions, the full model's feature importance, a reliability (calibration) curve, and metrics.json.
/// </summary>
public static class EvaluationReportWriter
{
    public const string RocFile = "roc.png", PrecisionRecallFile = "precision_recall.png";
    public const string ImportanceFile = "feature_importance.png", ReliabilityFile = "reliability.png", MetricsFile = "metrics.json";
    private const int Width = 900, Height = 650, TopFeatures = 25;

    public static IReadOnlyList<string> Write(CrossValidationResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>
        {
            Save(Roc(result), folder, RocFile),
            Save(PrecisionRecall(result), folder, PrecisionRecallFile),
            Save(Importance(result), folder, ImportanceFile, height: 120 + 24 * Math.Min(TopFeatures, result.Importance.Count)),
            Save(Reliability(result), folder, ReliabilityFile),
        };
        string metrics = Path.Combine(folder, MetricsFile);
        MetricsJson.Write(result, metrics);
        written.Add(metrics);
        return written;
    }

    private static Plot Roc(CrossValidationResult result)
    {
        var plot = new Plot();
        var p = result.Predictions;
        foreach (var (name, scores, pooled) in Models(result))
        {
            var (fpr, tpr) = BinaryMetrics.RocCurve(scores, p.Positive);
            Curve(plot, fpr, tpr, $"{name} (AUC {pooled.Auc:F3})");
        }
        Diagonal(plot, "chance");
        Finish(plot, "ROC curve (pooled out-of-fold)", "false positive rate", "true positive rate", Alignment.LowerRight);
        return plot;
    }

    private static Plot PrecisionRecall(CrossValidationResult result)
    {
        var plot = new Plot();
        var p = result.Predictions;
        foreach (var (name, scores, pooled) in Models(result))
        {
            var (recall, precision) = BinaryMetrics.PrecisionRecallCurve(scores, p.Positive);
            Curve(plot, recall, precision, $"{name} (AUPRC {pooled.Auprc:F3})");
        }
        double prevalence = p.Positive.Length == 0 ? 0 : (double)p.Positive.Count(x => x) / p.Positive.Length;
        var baseline = plot.Add.HorizontalLine(prevalence);
        baseline.LinePattern = LinePattern.Dashed;
        baseline.Color = Colors.Gray;
        baseline.LegendText = $"prevalence {prevalence:P1}";
        Finish(plot, "Precision-recall curve (pooled out-of-fold)", "recall", "precision", Alignment.UpperRight);
        return plot;
    }

    private static Plot Importance(CrossValidationResult result)
    {
        var plot = new Plot();
        var top = result.Importance.Take(TopFeatures).ToArray();
        // Most important at the top: bar i sits at height (count - 1 - i).
        var bars = top.Select((f, i) => new Bar { Position = top.Length - 1 - i, Value = f.Weight * 100, Orientation = Orientation.Horizontal })
            .ToArray();
        plot.Add.Bars(bars);
        double[] positions = top.Select((_, i) => (double)(top.Length - 1 - i)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, top.Select(f => f.Feature).ToArray());
        plot.Axes.Margins(left: 0);
        plot.Title("Feature importance (full model, mean share of split gain)");
        plot.XLabel("% of split gain");
        return plot;
    }

    private static Plot Reliability(CrossValidationResult result)
    {
        var plot = new Plot();
        foreach (var (name, scores, pooled) in Models(result))
        {
            var bins = BinaryMetrics.Reliability(scores, result.Predictions.Positive).Where(b => b.Count > 0).ToArray();
            var line = plot.Add.Scatter(bins.Select(b => b.MeanPredicted).ToArray(), bins.Select(b => b.ObservedRate).ToArray());
            line.LegendText = $"{name} (Brier {pooled.Brier:F4})";
            line.MarkerSize = 8;
            line.LineWidth = 2;
        }
        Diagonal(plot, "perfect calibration");
        Finish(plot, "Reliability curve (10 equal-width bins, pooled out-of-fold)", "mean predicted probability", "observed risky rate",
            Alignment.UpperLeft);
        return plot;
    }

    private static IEnumerable<(string Name, float[] Scores, FoldMetrics Pooled)> Models(CrossValidationResult result)
    {
        yield return ("full", result.Predictions.Full, result.Full.Pooled);
        yield return ("attributes only", result.Predictions.AttributesOnly, result.AttributesOnly.Pooled);
    }

    private static void Curve(Plot plot, double[] xs, double[] ys, string legend)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.LegendText = legend;
    }

    private static void Diagonal(Plot plot, string legend)
    {
        var line = plot.Add.Line(0, 0, 1, 1);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Colors.Gray;
        line.LegendText = legend;
    }

    private static void Finish(Plot plot, string title, string x, string y, Alignment legend)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(legend);
    }

    private static string Save(Plot plot, string folder, string file, int height = Height)
    {
        string path = Path.Combine(folder, file);
        plot.SavePng(path, Width, height);
        return path;
    }
}
