using System.CommandLine;
using RiskGraph.Model;
using RiskGraph.Model.Scoring;
using RiskGraph.Training.Pipelines;

namespace RiskGraph.Training.Commands;

/// <summary><c>train</c>: trains the warning model and the attributes-only baseline and registers a new model version.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed for the split and the trainer.", DefaultValueFactory = _ => 42 };
        var trees = new Option<int>("--trees") { Description = "Number of boosted trees.", DefaultValueFactory = _ => 200 }.AtLeast(1);
        var store = StoreSelection.Option();
        var command = new Command("train", "Train the warning model (tuned FastTree or LightGBM) on the store's graph features and labels.") { seed, trees, store };
        var tuning = new TuningCli();
        tuning.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var home = RiskGraphHome.FromEnvironment();
            await using var graphStore = await StoreSelection.OpenAsync(parse.GetValue(store)!, home, cancellationToken);
            if (!await StoreSelection.HoldsEnterprisesAsync(graphStore, cancellationToken))
                throw new InvalidOperationException($"the store is new and empty ({graphStore.Kind}, home {home.Root}): import data first with 'import DIR'.");
            var options = new WarningTrainerOptions(Seed: parse.GetValue(seed), NumberOfTrees: parse.GetValue(trees), Trainer: tuning.ReadTrainer(parse));
            var outcome = await TrainingRun.RunAsync(home, graphStore, options, activate: true,
                new ConsoleProgress(), cancellationToken, tuning.Read(parse, parse.GetValue(seed)));
            Print(outcome);
            return 0;
        });
        return command;
    }

    private static void Print(TrainingOutcome outcome)
    {
        var full = outcome.Report.WithGraphFeatures;
        var baseline = outcome.Report.AttributesOnly;
        Console.WriteLine();
        Console.WriteLine($"model {outcome.Version} (active), test set {full.TestRows:N0} enterprises, {full.TestPositives:N0} risky");
        Console.WriteLine($"{"metric",-24}{"with graph features",22}{"attributes only",18}{"lift",10}");
        Row("AUC", full.Auc, baseline.Auc);
        Row("AUPRC", full.Auprc, baseline.Auprc);
        Row("F1 (p >= 0.5)", full.F1, baseline.F1);
        Row("precision at top 1 %", full.PrecisionAtTop1Percent, baseline.PrecisionAtTop1Percent);
        Console.WriteLine($"timings (s): {string.Join(", ", outcome.Timings.Select(t => $"{t.Key} {t.Value:F2}"))}");
    }

    private static void Row(string name, double full, double baseline) =>
        Console.WriteLine($"{name,-24}{full,22:F4}{baseline,18:F4}{full - baseline,10:+0.0000;-0.0000}");
}
