namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>The cross-validation result as a plain-text table: mean ± sd over folds, and the paired difference.</summary>
public static class MetricsTable
{
    public static void Print(CrossValidationResult result, TextWriter output)
    {
        var data = result.Data;
        output.WriteLine();
        output.WriteLine($"{data.Nodes:N0} nodes ({data.Labelled:N0} labelled, {data.Positives:N0} risky), {data.Edges:N0} " +
            $"{(data.Directed ? "directed" : "undirected")} edges of {data.RelationTypes.Count} relation types " +
            $"({data.DuplicatesMerged:N0} duplicate rows merged, {data.SelfLoopsDropped:N0} self-loops dropped)");
        output.WriteLine($"{result.Options.Folds}-fold stratified cross-validation, seed {result.Options.Seed}, tuning budget {result.Options.Budget} ({result.Options.Trainer}), {result.Options.Trees} trees (attributes only); " +
            $"{result.Full.FeatureCount} features (full), {result.AttributesOnly.FeatureCount} (attributes only)");
        output.WriteLine();
        output.WriteLine($"{"metric",-22}{"full",20}{"attributes only",20}{"full - attributes",22}{"pooled full",13}{"pooled attr",13}");
        foreach (var metric in MetricDefinition.All)
        {
            var (fullMean, fullSd) = result.Full.MeanSd(metric);
            var (baseMean, baseSd) = result.AttributesOnly.MeanSd(metric);
            var (diffMean, diffSd) = Statistics.MeanSd(result.PairedDifference(metric));
            output.WriteLine($"{metric.Label,-22}{MeanSd(fullMean, fullSd),20}{MeanSd(baseMean, baseSd),20}" +
                $"{MeanSd(diffMean, diffSd, signed: true),22}{metric.Read(result.Full.Pooled),13:F4}{metric.Read(result.AttributesOnly.Pooled),13:F4}");
        }
        if (result.Baseline is { } plain)
        {
            output.WriteLine();
            output.WriteLine($"baseline: untuned FastTree (300 trees, 31 leaves, learning rate 0.05, 10 per leaf) on attributes + degrees + " +
                $"neighbour means, {plain.FeatureCount} features");
            output.WriteLine($"{"metric",-22}{"full (tuned)",20}{"baseline",20}{"full - baseline",22}");
            foreach (var metric in MetricDefinition.All)
            {
                var (fullMean, fullSd) = result.Full.MeanSd(metric);
                var (baseMean, baseSd) = plain.MeanSd(metric);
                var (diffMean, diffSd) = Statistics.MeanSd(result.Full.Folds.Zip(plain.Folds, (a, b) => metric.Read(a) - metric.Read(b)).ToArray());
                output.WriteLine($"{metric.Label,-22}{MeanSd(fullMean, fullSd),20}{MeanSd(baseMean, baseSd),20}{MeanSd(diffMean, diffSd, signed: true),22}");
            }
        }
        if (result.ChosenSettings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("tuned settings per fold (chosen on the training folds' inner validation):");
            for (int f = 0; f < result.ChosenSettings.Count; f++) output.WriteLine($"  fold {f + 1}: {result.ChosenSettings[f]}");
        }
        output.WriteLine();
        output.WriteLine("per fold (AUC full / attributes only / difference):");
        var auc = MetricDefinition.All[0];
        for (int f = 0; f < result.Full.Folds.Count; f++)
        {
            var full = result.Full.Folds[f];
            var baseline = result.AttributesOnly.Folds[f];
            output.WriteLine($"  fold {full.Fold}: {full.TestRows,7:N0} rows {full.TestPositives,6:N0} risky   " +
                $"{auc.Read(full):F4} / {auc.Read(baseline):F4} / {auc.Read(full) - auc.Read(baseline):+0.0000;-0.0000}");
        }
        output.WriteLine();
        output.WriteLine("most important features (full model, share of split gain):");
        foreach (var feature in result.Importance.Take(10)) output.WriteLine($"  {feature.Feature,-44}{feature.Weight,8:P1}");
    }

    private static string MeanSd(double mean, double sd, bool signed = false) =>
        (signed ? mean.ToString("+0.0000;-0.0000") : mean.ToString("F4")) + " ± " + sd.ToString("F4");
}
