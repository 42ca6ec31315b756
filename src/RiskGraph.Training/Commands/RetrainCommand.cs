using System.CommandLine;
using RiskGraph.Model;
using RiskGraph.Model.Scoring;
using RiskGraph.Training.Pipelines;

namespace RiskGraph.Training.Commands;

/// <summary><c>retrain</c>: trains a candidate on the current store and promotes it only if it is not worse than the active model.</summary>
internal static class RetrainCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed for the folds and the trainer.", DefaultValueFactory = _ => 42 };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds for the comparison.", DefaultValueFactory = _ => 5 }.AtLeast(2, 100);
        var trees = new Option<int>("--trees") { Description = "Number of boosted trees.", DefaultValueFactory = _ => 200 }.AtLeast(1);
        var store = StoreSelection.Option();
        var command = new Command("retrain", "Train on the current store, compare with the active model on the same folds, promote only if not worse.")
        {
            seed, folds, trees, store,
        };
        var tuning = new TuningCli();
        tuning.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var home = RiskGraphHome.FromEnvironment();
            await using var graphStore = await StoreSelection.OpenAsync(parse.GetValue(store)!, home, cancellationToken);
            var options = new WarningTrainerOptions(Seed: parse.GetValue(seed), NumberOfTrees: parse.GetValue(trees), Trainer: tuning.ReadTrainer(parse));
            var result = await RetrainRun.RunAsync(home, graphStore, options, parse.GetValue(folds), tuning.Read(parse, parse.GetValue(seed)),
                new ConsoleProgress(), cancellationToken);
            Console.WriteLine();
            Console.WriteLine($"compared on {result.SharedHoldoutRows:N0} labelled rows neither model was trained on");
            Console.WriteLine($"{"fold",-6}{"active " + (result.ActiveVersion ?? "-"),16}{"candidate " + result.CandidateVersion,18}");
            for (int k = 0; k < result.CandidateFoldAuc.Length; k++)
                Console.WriteLine($"{k + 1,-6}{result.ActiveFoldAuc[k],16:F4}{result.CandidateFoldAuc[k],18:F4}");
            PrintDrift(result);
            Console.WriteLine(result.Promoted
                ? $"promoted {result.CandidateVersion}: {result.Reason}"
                : $"kept {result.ActiveVersion}; {result.CandidateVersion} is registered but not active: {result.Reason}");
            return 0;
        });
        return command;
    }

    private static void PrintDrift(RetrainComparison result)
    {
        Console.WriteLine();
        if (result.ActiveDrift is not { } drift)
        {
            Console.WriteLine("drift: the active model has no training distribution to compare with (trained before drift was tracked)");
            return;
        }
        string Flag(FeatureDrift d) => d.Flagged ? "  drifted" : "";
        Console.WriteLine($"drift of {result.ActiveVersion} (PSI, training rows → current snapshot; flagged above {DriftReport.Threshold}):");
        Console.WriteLine($"  {"score",-44}{drift.Score.Psi,10:F4}{Flag(drift.Score)}");
        foreach (var feature in drift.Features.OrderByDescending(f => f.Psi).Take(10))
            Console.WriteLine($"  {feature.Feature,-44}{feature.Psi,10:F4}{Flag(feature)}");
        Console.WriteLine($"  {drift.FlaggedFeatures.Count} of {drift.Features.Count} features flagged");
    }
}
