using RiskGraph.Model;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Storage;
using RiskGraph.Training.Evaluation;
using RiskGraph.Training.Evaluation.Generic;

namespace RiskGraph.Training.Pipelines;

/// <summary>The candidate against the active model on the same rows, and what was decided.</summary>
/// <param name="SharedHoldoutRows">Labelled rows neither model was trained on: the comparison set.</param>
/// <param name="Spread">Standard deviation of the per-fold AUC differences.</param>
public sealed record RetrainComparison(
    string? ActiveVersion, string CandidateVersion, int SharedHoldoutRows, double[] ActiveFoldAuc, double[] CandidateFoldAuc,
    double MeanDifference, double Spread, bool Promoted, string Reason)
{
    /// <summary>How far the current snapshot has moved from the active model's training rows (null: nothing to compare).</summary>
    public DriftReport? ActiveDrift { get; init; }
}

/// <summary>
/// Retraining on the current store, including newly arrived labels. The candidate is trained and registered like
/// any model; then both it and the active model are scored on the labelled rows that neither was trained on (each
/// model records its held-out rows), split into stratified folds. The candidate becomes active only if its mean
/// AUC is not below the active model's by more than the fold-to-fold spread of the difference.
/// </summary>
public static class RetrainRun
{
    private const int MinimumPositivesPerFold = 2;

    public static async Task<RetrainComparison> RunAsync(
        RiskGraphHome home, IGraphStore store, WarningTrainerOptions options, int folds = 5, TuningOptions? tuning = null,
        IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var snapshot = await GraphSnapshotLoader.LoadAsync(store, cancellationToken: cancellationToken);
        var labels = await LabelVector.LoadAsync(store, snapshot, cancellationToken);
        var features = new FeatureExtractor(snapshot, new FeatureExtractorParameters(), cancellationToken).Compute();
        var registry = new ModelRegistry(home.EnsureExists());
        string? activeVersion = registry.ActiveVersion();

        var candidate = TrainingRun.Train(home, snapshot, features, labels, options, activate: false, log: log, tuning: tuning);
        var decision = Compare(registry, activeVersion, candidate.Version, snapshot, features, labels, folds, options.Seed, log);
        if (decision.Promoted) registry.Activate(candidate.Version);
        return decision with { ActiveDrift = ActiveDrift(registry, activeVersion, features) };
    }

    /// <summary>The active model's training distribution against the current features and its scores on them.</summary>
    private static DriftReport? ActiveDrift(ModelRegistry registry, string? activeVersion, FeatureMatrix features)
    {
        if (activeVersion is null) return null;
        string folder = registry.FolderOf(activeVersion);
        if (DriftReference.Load(folder) is not { } reference) return null;
        var active = WarningModel.Load(folder);
        if (!active.Schema.SameLayoutAs(features.Schema) || reference.Features.Count != features.Columns) return null;
        return DriftReport.Compare(reference, features, active.Score(features, ModelDataViews.AllRows(features)).Probability);
    }

    private static RetrainComparison Compare(
        ModelRegistry registry, string? activeVersion, string candidateVersion, GraphSnapshot snapshot, FeatureMatrix features,
        LabelVector labels, int folds, int seed, IProgress<string>? log)
    {
        RetrainComparison Decide(bool promote, string reason, int rows = 0, double[]? a = null, double[]? c = null, double mean = 0, double spread = 0) =>
            new(activeVersion, candidateVersion, rows, a ?? [], c ?? [], mean, spread, promote, reason);

        if (activeVersion is null) return Decide(true, "no model was active");
        var active = WarningModel.Load(registry.FolderOf(activeVersion));
        if (!active.Schema.SameLayoutAs(features.Schema)) return Decide(true, $"the active model {activeVersion} uses an outdated feature schema");
        var activeHoldout = registry.ReadHoldout(activeVersion);
        if (activeHoldout is null) return Decide(true, $"the active model {activeVersion} has no recorded hold-out set to compare on");

        var candidateHoldout = registry.ReadHoldout(candidateVersion)!;
        var shared = new sbyte[labels.Values.Length];
        Array.Fill(shared, (sbyte)-1);
        for (int id = 0; id < shared.Length; id++)
        {
            string key = snapshot.Ids.KeyOf(id);
            if (activeHoldout.Contains(key) && candidateHoldout.Contains(key)) shared[id] = labels.Values[id];
        }
        var sharedLabels = new LabelVector(shared);
        int positives = shared.Count(v => v == 1), rows = shared.Count(v => v >= 0);
        int usableFolds = Math.Min(folds, Math.Min(positives, rows - positives) / MinimumPositivesPerFold);
        if (usableFolds < 2)
            return Decide(false, $"only {rows} labelled rows ({positives} risky) were held out by both models: too few to compare, keeping the active model");

        var testFolds = StratifiedFolds.Create(shared, usableFolds, seed).TestRows;
        var candidate = WarningModel.Load(registry.FolderOf(candidateVersion));
        var activeAuc = testFolds.Select(f => ModelEvaluator.Evaluate(active, features, sharedLabels, f).Auc).ToArray();
        var candidateAuc = testFolds.Select(f => ModelEvaluator.Evaluate(candidate, features, sharedLabels, f).Auc).ToArray();
        var differences = candidateAuc.Zip(activeAuc, (c, a) => c - a).ToArray();
        double mean = differences.Average();
        double spread = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Length - 1));
        log?.Report($"compared on {rows:N0} shared held-out rows in {usableFolds} folds: mean AUC difference {mean:+0.0000;-0.0000} ± {spread:F4}");
        return mean >= -spread
            ? Decide(true, $"mean AUC difference {mean:+0.0000;-0.0000} is within the fold-to-fold spread ±{spread:F4} or better", rows, activeAuc, candidateAuc, mean, spread)
            : Decide(false, $"mean AUC difference {mean:+0.0000;-0.0000} is worse than the fold-to-fold spread ±{spread:F4}", rows, activeAuc, candidateAuc, mean, spread);
    }
}
