using System.Diagnostics;
using RiskGraph.Model;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Storage;
using RiskGraph.Training.Evaluation;

namespace RiskGraph.Training.Pipelines;

/// <param name="Timings">Seconds per step: snapshot, features, training, evaluation and saving.</param>
public sealed record TrainingOutcome(string Version, TrainingReport Report, IReadOnlyDictionary<string, double> Timings);

/// <summary>
/// One training run on the current store: snapshot, features, a stratified split, the full model and the
/// attributes-only baseline on the same split, then a new registered model version (made active on request).
/// </summary>
public static class TrainingRun
{
    public static async Task<TrainingOutcome> RunAsync(
        RiskGraphHome home, IGraphStore store, WarningTrainerOptions options, bool activate = true,
        IProgress<string>? log = null, CancellationToken cancellationToken = default, TuningOptions? tuning = null)
    {
        options.Validate();
        var timings = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();

        log?.Report("loading the graph snapshot");
        var snapshot = await GraphSnapshotLoader.LoadAsync(store, cancellationToken: cancellationToken);
        var labels = await LabelVector.LoadAsync(store, snapshot, cancellationToken);
        timings["snapshot"] = Lap(clock);

        log?.Report($"computing features for {snapshot.EnterpriseCount:N0} enterprises");
        var features = new FeatureExtractor(snapshot, new FeatureExtractorParameters(), cancellationToken).Compute();
        timings["features"] = Lap(clock);

        return Train(home, snapshot, features, labels, options, activate, timings, log, tuning);
    }

    /// <summary>Trains and registers on an already computed snapshot and feature matrix.</summary>
    public static TrainingOutcome Train(
        RiskGraphHome home, GraphSnapshot snapshot, FeatureMatrix features, LabelVector labels, WarningTrainerOptions options,
        bool activate, Dictionary<string, double>? timings = null, IProgress<string>? log = null, TuningOptions? tuning = null)
    {
        timings ??= [];
        var clock = Stopwatch.StartNew();
        var split = StratifiedSplit.Create(labels, options.TestFraction, options.Seed);
        if (!split.Train.Any(labels.IsRisky) || !split.Test.Any(labels.IsRisky) || split.Test.All(labels.IsRisky))
            throw new InvalidOperationException("Training needs labels with both risky and non-risky enterprises: import a labels.csv first.");

        log?.Report($"training on {split.Train.Length:N0} enterprises, testing on {split.Test.Length:N0}");
        var trainer = new WarningTrainer(options);
        // With tuning, the full model's settings are chosen on the training rows alone (the test rows stay unseen).
        var fullOptions = tuning is null
            ? options
            : HyperparameterSearch.Tune(features, labels, split.Train, FeatureSchema.Current, tuning with { Seed = options.Seed }, log).Chosen
                with { TestFraction = options.TestFraction, CalibrationFraction = options.CalibrationFraction };
        if (tuning is not null) log?.Report($"tuned: {HyperparameterSearch.Describe(fullOptions)}, {fullOptions.NumberOfTrees} trees");
        var full = new WarningTrainer(fullOptions).TrainCalibrated(features, labels, split.Train, FeatureSchema.Current);
        var attributesOnly = trainer.TrainCalibrated(features, labels, split.Train, FeatureSchema.Current.AttributesOnly());
        timings["training"] = Lap(clock);

        var fullMetrics = ModelEvaluator.Evaluate(full, features, labels, split.Test);
        var attributeMetrics = ModelEvaluator.Evaluate(attributesOnly, features, labels, split.Test);
        timings["evaluation"] = Lap(clock);

        var registry = new ModelRegistry(home.EnsureExists());
        string version = registry.NextVersion();
        string fingerprint = DataFingerprint.Of(features, labels);
        var report = new TrainingReport(version, options.Seed, split.Train.Length, fullMetrics, attributeMetrics, fingerprint);
        full.Save(registry.FolderOf(version), WarningTrainer.InputSchema(features, full.Schema));
        // The training rows' distribution, so GET /api/models/{version}/drift and retrain can tell how far data moved.
        DriftReference.Of(features, split.Train, full.Score(features, split.Train).Probability).Save(registry.FolderOf(version));
        registry.WriteManifest(
            new ModelManifest(version, DateTimeOffset.UtcNow, full.Trainer == WarningTrainerOptions.LightGbm ? "LightGBM" : "FastTree",
                full.Schema.Version, fingerprint, snapshot.AsOf), report);
        registry.WriteHoldout(version, split.Test.Select(snapshot.Ids.KeyOf));
        if (activate) registry.Activate(version);
        timings["saving"] = Lap(clock);
        return new TrainingOutcome(version, report, timings);
    }

    private static double Lap(Stopwatch clock)
    {
        double seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return Math.Round(seconds, 3);
    }
}
