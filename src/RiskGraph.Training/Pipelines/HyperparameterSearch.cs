using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;
using RiskGraph.Training.Evaluation.Generic;

namespace RiskGraph.Training.Pipelines;

/// <summary>How the search runs: trials, the inner validation share, the most trees a trial may grow.</summary>
public sealed record TuningOptions(int Budget = 6, double ValidationFraction = 0.25, int MaxTrees = 300, int Seed = 1,
    string Trainer = WarningTrainerOptions.FastTree, int Threads = 1)
{
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Budget, 1, "--budget");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTrees, 10, nameof(MaxTrees));
    }
}

/// <summary>One tried setting, with the tree count early stopping chose and its inner-validation metrics.</summary>
public sealed record TuningTrial(WarningTrainerOptions Settings, int Trees, double ValidationAuc, double ValidationAuprc)
{
    /// <summary>What the search maximises: the mean of AUC and AUPRC on the inner validation rows.</summary>
    public double Objective => (ValidationAuc + ValidationAuprc) / 2;
}

/// <summary>The chosen settings (tree count included) and every trial, in the order they ran.</summary>
public sealed record TuningResult(WarningTrainerOptions Chosen, IReadOnlyList<TuningTrial> Trials);

/// <summary>
/// Chooses the warning model's settings from the training rows alone. The rows given are split (stratified, seeded)
/// into an inner training part and an inner validation part; each trial grows up to <see cref="TuningOptions.MaxTrees"/>
/// trees on the inner training part, and the validation margins of every prefix of 10 trees pick its tree count (early
/// stopping). The first trial is the default setting, the others are drawn without repetition from a small grid of
/// leaves, learning rate, examples per leaf, feature fraction and class reweighting. Only labels of the given rows are
/// read, so the rows of an outer test fold, left out of them, cannot influence any choice.
/// </summary>
public static class HyperparameterSearch
{
    private const int Step = 10;
    private static readonly int[] Leaves = [8, 16, 31, 63];
    private static readonly double[] LearningRates = [0.03, 0.06, 0.1];
    private static readonly int[] MinPerLeaf = [5, 10, 20, 50];
    private static readonly double[] FeatureFractions = [0.5, 0.8, 1.0];

    public static TuningResult Tune(FeatureMatrix matrix, LabelVector labels, IReadOnlyList<int> rows, FeatureSchema schema, TuningOptions options, IProgress<string>? log = null)
    {
        options.Validate();
        var inner = StratifiedSplit.Of(rows, labels, options.ValidationFraction, options.Seed + 7);
        bool[] positive = Array.ConvertAll(inner.Test, labels.IsRisky);
        var trials = new List<TuningTrial>();
        foreach (var candidate in Candidates(options))
        {
            var model = new WarningTrainer(candidate).Train(matrix, labels, inner.Train, schema);
            var margins = EnsemblePrefixes.Margins(model.Trees, matrix, inner.Test, Step);
            int trees = model.Trees.TrainedTreeEnsemble.Trees.Count;
            TuningTrial? best = null;
            for (int c = 0; c < margins.Length; c++)
            {
                var trial = new TuningTrial(candidate, EnsemblePrefixes.TreesAt(c, Step, trees),
                    BinaryMetrics.Auc(margins[c], positive), BinaryMetrics.AveragePrecision(margins[c], positive));
                if (best is null || trial.Objective > best.Objective) best = trial;
            }
            trials.Add(best!);
            log?.Report($"trial {trials.Count}/{options.Budget}: {Describe(candidate)} → {best!.Trees} trees, " +
                $"inner AUC {best.ValidationAuc:F4}, AUPRC {best.ValidationAuprc:F4}");
        }
        var chosen = trials[0];
        foreach (var trial in trials) if (trial.Objective > chosen.Objective) chosen = trial;
        // The final fit sees all rows, a third more than a trial's inner part: grow as many trees as were best there.
        return new TuningResult(chosen.Settings with { NumberOfTrees = chosen.Trees }, trials);
    }

    public static string Describe(WarningTrainerOptions o) =>
        $"{o.Trainer} leaves {o.NumberOfLeaves}, lr {o.LearningRate}, min/leaf {o.MinimumExampleCountPerLeaf}, " +
        $"features {o.FeatureFraction:P0}{(o.Unbalanced ? ", reweighted" : "")}";

    private static IEnumerable<WarningTrainerOptions> Candidates(TuningOptions options)
    {
        var first = new WarningTrainerOptions(Seed: options.Seed, NumberOfTrees: options.MaxTrees, NumberOfLeaves: 16, MinimumExampleCountPerLeaf: 20,
            LearningRate: 0.06, Threads: options.Threads, FeatureFraction: 0.8, Trainer: options.Trainer);
        yield return first;
        var random = new Random(options.Seed);
        var seen = new HashSet<(int, double, int, double, bool)> { Key(first) };
        int produced = 1;
        for (int attempt = 0; produced < options.Budget && attempt < 1_000; attempt++)
        {
            var candidate = first with
            {
                NumberOfLeaves = Leaves[random.Next(Leaves.Length)],
                LearningRate = LearningRates[random.Next(LearningRates.Length)],
                MinimumExampleCountPerLeaf = MinPerLeaf[random.Next(MinPerLeaf.Length)],
                FeatureFraction = FeatureFractions[random.Next(FeatureFractions.Length)],
                Unbalanced = random.Next(4) == 0,
            };
            if (!seen.Add(Key(candidate))) continue;
            produced++;
            yield return candidate;
        }
    }

    private static (int, double, int, double, bool) Key(WarningTrainerOptions o) =>
        (o.NumberOfLeaves, o.LearningRate, o.MinimumExampleCountPerLeaf, o.FeatureFraction, o.Unbalanced);
}
