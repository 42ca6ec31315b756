namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Cross-validation settings: fold count and seed (folds and trainer), boosted trees of the attributes-only model,
/// the tuning budget and trainer of the full model, and whether to run the untuned baseline beside it.
/// </summary>
public sealed record EvaluationOptions(int Folds = 5, int Seed = 1, int Trees = 200, int Budget = 6,
    string Trainer = Pipelines.WarningTrainerOptions.FastTree, bool Baseline = false);

/// <summary>Metrics of one model on one set of predictions: a fold's test rows or all pooled out-of-fold rows.</summary>
public sealed record FoldMetrics(
    int Fold, int TestRows, int TestPositives, double Auc, double Auprc, double Brier, double PrecisionAt1Pct, double PrecisionAt5Pct)
{
    public const int Pooled = 0;

    public static FoldMetrics Measure(int fold, float[] probability, bool[] positive) => new(
        fold, probability.Length, positive.Count(p => p),
        BinaryMetrics.Auc(probability, positive), BinaryMetrics.AveragePrecision(probability, positive),
        BinaryMetrics.Brier(probability, positive),
        BinaryMetrics.PrecisionAtTop(probability, positive, 0.01), BinaryMetrics.PrecisionAtTop(probability, positive, 0.05));
}

/// <summary>A reported metric: its snake_case key, its label in the table, and how to read it from fold metrics.</summary>
public sealed record MetricDefinition(string Key, string Label, Func<FoldMetrics, double> Read)
{
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new("auc", "AUC", m => m.Auc),
        new("auprc", "AUPRC", m => m.Auprc),
        new("brier", "Brier score", m => m.Brier),
        new("precision_at_1pct", "precision at top 1 %", m => m.PrecisionAt1Pct),
        new("precision_at_5pct", "precision at top 5 %", m => m.PrecisionAt5Pct),
    ];
}

/// <summary>One model's per-fold metrics and the metrics of its pooled out-of-fold predictions.</summary>
public sealed record ModelSummary(IReadOnlyList<FoldMetrics> Folds, FoldMetrics Pooled, int FeatureCount)
{
    public (double Mean, double Sd) MeanSd(MetricDefinition metric) => Statistics.MeanSd(Folds.Select(metric.Read).ToArray());
}

/// <summary>The graph that was evaluated, for the header of the table and the JSON.</summary>
public sealed record DatasetSummary(
    int Nodes, int Labelled, int Positives, int Edges, int DuplicatesMerged, int SelfLoopsDropped,
    IReadOnlyList<string> RelationTypes, bool Directed);

/// <summary>Out-of-fold probabilities of both models for every labelled row, in ascending row order.</summary>
public sealed record OutOfFoldPredictions(int[] Rows, bool[] Positive, float[] Full, float[] AttributesOnly);

/// <summary>A feature's share of the full model's split gain, averaged over folds.</summary>
public sealed record FeatureImportance(string Feature, double Weight);

public sealed record CrossValidationResult(
    EvaluationOptions Options,
    DatasetSummary Data,
    ModelSummary Full,
    ModelSummary AttributesOnly,
    OutOfFoldPredictions Predictions,
    IReadOnlyList<FeatureImportance> Importance)
{
    /// <summary>The untuned FastTree on attributes + degrees + neighbour means, when <c>--baseline</c> asked for it.</summary>
    public ModelSummary? Baseline { get; init; }

    /// <summary>The settings tuning chose in each outer fold, in fold order.</summary>
    public IReadOnlyList<string> ChosenSettings { get; init; } = [];

    /// <summary>Full minus attributes-only, fold by fold (the folds are shared, so the pairs are matched).</summary>
    public double[] PairedDifference(MetricDefinition metric) =>
        Full.Folds.Zip(AttributesOnly.Folds, (f, a) => metric.Read(f) - metric.Read(a)).ToArray();
}

public static class Statistics
{
    /// <summary>Mean and sample standard deviation (n − 1); the sd is NaN for fewer than two values.</summary>
    public static (double Mean, double Sd) MeanSd(double[] values)
    {
        if (values.Length == 0) return (double.NaN, double.NaN);
        double mean = values.Average();
        if (values.Length < 2) return (mean, double.NaN);
        double squares = values.Sum(v => (v - mean) * (v - mean));
        return (mean, Math.Sqrt(squares / (values.Length - 1)));
    }
}
