using Microsoft.ML.Data;
using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;
using RiskGraph.Training.Pipelines;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Stratified k-fold cross-validation of the tuned full model (attributes + graph features) against the
/// attributes-only model, and with <c>--baseline</c> the untuned FastTree on attributes + degrees + neighbour means, on
/// the same folds. Each fold gets its own feature matrix with that fold's labels hidden; tuning and every model see the
/// training rows' labels alone. Trainers run on one thread with a fixed seed, so the same input and seed give the same numbers.
/// </summary>
public static class CrossValidationRunner
{
    public static CrossValidationResult Run(GenericDataset data, EvaluationOptions options, IProgress<string>? log = null)
    {
        var nodes = data.Nodes;
        sbyte[] labels = nodes.Labels;
        var folds = StratifiedFolds.Create(labels, options.Folds, options.Seed);
        log?.Report($"computing features for {nodes.Count:N0} nodes");
        var builder = new FoldFeatureBuilder(data);
        var schema = builder.Layout.Schema;
        var trainer = new WarningTrainer(new WarningTrainerOptions(Seed: options.Seed, NumberOfTrees: options.Trees));
        var tuning = new TuningOptions(Budget: options.Budget, Seed: options.Seed, Trainer: options.Trainer);
        var baselineColumns = new BaselineColumns(builder.Layout, nodes.AttributeNames.Count, data.Graph.ChannelNames.Count);
        var baselineTrainer = new WarningTrainer(WarningTrainerOptions.Baseline(options.Seed));
        var baselineFolds = new List<FoldMetrics>();
        var chosen = new List<string>();

        var fullScores = new float[nodes.Count];
        var attributeScores = new float[nodes.Count];
        var baselineScores = new float[nodes.Count];
        var importance = new double[schema.Count];
        var fullFolds = new List<FoldMetrics>();
        var attributeFolds = new List<FoldMetrics>();
        for (int f = 0; f < folds.Count; f++)
        {
            int[] test = folds.TestRows[f], train = folds.TrainRows[f];
            log?.Report($"fold {f + 1}/{folds.Count}: training on {train.Length:N0} nodes, testing on {test.Length:N0}");
            var matrix = builder.ForFold(labels, test);
            // The trainer only reads the training rows' labels; handing it the masked copy makes that structural.
            var trainingLabels = new LabelVector(FoldFeatureBuilder.HideLabels(labels, test));
            var tuned = HyperparameterSearch.Tune(matrix, trainingLabels, train, schema, tuning, log);
            chosen.Add($"{HyperparameterSearch.Describe(tuned.Chosen)}, {tuned.Chosen.NumberOfTrees} trees");
            log?.Report($"fold {f + 1}: chose {chosen[^1]}");
            var full = new WarningTrainer(tuned.Chosen).Train(matrix, trainingLabels, train, schema);
            float[] fullProbability = full.Score(matrix, test).Probability;
            bool[] positive = test.Select(r => labels[r] == 1).ToArray();
            if (options.Baseline)
            {
                var baselineMatrix = baselineColumns.Select(matrix);
                float[] plain = baselineTrainer.Train(baselineMatrix, trainingLabels, train, baselineColumns.Schema).Score(baselineMatrix, test).Probability;
                baselineFolds.Add(FoldMetrics.Measure(f + 1, plain, positive));
                for (int i = 0; i < test.Length; i++) baselineScores[test[i]] = plain[i];
            }
            float[] attributeProbability = schema.AttributeCount > 0
                ? trainer.Train(matrix, trainingLabels, train, schema.AttributesOnly()).Score(matrix, test).Probability
                : PrevalenceScores(trainingLabels, train, test.Length);
            AddImportance(full, importance, folds.Count);

            fullFolds.Add(FoldMetrics.Measure(f + 1, fullProbability, positive));
            attributeFolds.Add(FoldMetrics.Measure(f + 1, attributeProbability, positive));
            for (int i = 0; i < test.Length; i++)
            {
                fullScores[test[i]] = fullProbability[i];
                attributeScores[test[i]] = attributeProbability[i];
            }
        }

        int[] rows = Enumerable.Range(0, nodes.Count).Where(r => labels[r] >= 0).ToArray();
        var predictions = new OutOfFoldPredictions(
            rows, rows.Select(r => labels[r] == 1).ToArray(), rows.Select(r => fullScores[r]).ToArray(), rows.Select(r => attributeScores[r]).ToArray());
        var graph = data.Graph;
        var summary = new DatasetSummary(nodes.Count, rows.Length, nodes.PositiveCount, graph.EdgeCount, graph.DuplicatesMerged,
            data.SelfLoopsDropped, graph.RelationTypes, graph.Directed);
        return new CrossValidationResult(
            options, summary,
            new ModelSummary(fullFolds, FoldMetrics.Measure(FoldMetrics.Pooled, predictions.Full, predictions.Positive), schema.Count),
            new ModelSummary(attributeFolds, FoldMetrics.Measure(FoldMetrics.Pooled, predictions.AttributesOnly, predictions.Positive), schema.AttributeCount),
            predictions, RankImportance(schema, importance))
        {
            Baseline = options.Baseline
                ? new ModelSummary(baselineFolds, FoldMetrics.Measure(FoldMetrics.Pooled, rows.Select(r => baselineScores[r]).ToArray(), predictions.Positive),
                    baselineColumns.Schema.Count)
                : null,
            ChosenSettings = chosen,
        };
    }

    /// <summary>Without any attribute column there is no baseline model; the honest stand-in is the training prevalence.</summary>
    private static float[] PrevalenceScores(LabelVector labels, int[] train, int count)
    {
        float rate = (float)train.Count(labels.IsRisky) / train.Length;
        return Enumerable.Repeat(rate, count).ToArray();
    }

    /// <summary>FastTree's split-gain weights, normalised per fold to sum to 1, averaged over folds.</summary>
    private static void AddImportance(WarningModel model, double[] importance, int folds)
    {
        VBuffer<float> weights = default;
        model.Trees.GetFeatureWeights(ref weights);
        float[] dense = weights.DenseValues().ToArray();
        double total = dense.Sum(w => (double)w);
        if (total <= 0) return;
        for (int i = 0; i < Math.Min(dense.Length, importance.Length); i++) importance[i] += dense[i] / total / folds;
    }

    private static FeatureImportance[] RankImportance(FeatureSchema schema, double[] importance) =>
        Enumerable.Range(0, schema.Count)
            .Select(i => new FeatureImportance(schema.Names[i], importance[i]))
            .OrderByDescending(f => f.Weight).ThenBy(f => f.Feature, StringComparer.Ordinal)
            .ToArray();
}
