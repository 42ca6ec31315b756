using System.CommandLine;
using System.Diagnostics;
using RiskGraph.Training.Evaluation.Generic;
using RiskGraph.Training.Pipelines;

namespace RiskGraph.Training.Commands;

/// <summary>What <c>evaluate</c> was asked to do.</summary>
internal sealed record EvaluateRequest(
    string Nodes, IReadOnlyList<string> Edges, int Folds, int Seed, bool Directed, string? Json, string? Report, int Trees = 200,
    int Budget = 6, string Trainer = WarningTrainerOptions.FastTree, bool Baseline = false);

/// <summary>
/// <c>evaluate --nodes nodes.csv --edges edges_a.csv [--edges …] --folds 5 --seed 1 [--directed] [--json FILE] [--report DIR]</c>:
/// cross-validates the full model against the attributes-only baseline on any labelled graph in the generic CSV
/// format. A bad input file is reported as <c>error: FILE:LINE:COLUMN: reason</c> on stderr with exit code 1.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var nodes = new Option<string>("--nodes") { Description = "nodes.csv: id, label (1/0/empty), optional split, industry, region, numeric attributes.", Required = true };
        var edges = new Option<string[]>("--edges")
        {
            Description = "An edges file (src, dst, optional type and weight); repeat for more.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore,
        };
        var folds = new Option<int>("--folds") { Description = "Number of stratified folds.", DefaultValueFactory = _ => 5 }.AtLeast(2, 100);
        var seed = new Option<int>("--seed") { Description = "Seed for the folds and the trainer.", DefaultValueFactory = _ => 1 };
        var directed = new Option<bool>("--directed") { Description = "Treat edges as directed (src → dst); undirected otherwise." };
        var json = new Option<string?>("--json") { Description = "Write all metrics to this JSON file." };
        var report = new Option<string?>("--report") { Description = "Write ROC, precision-recall, importance and reliability PNGs and metrics.json to this folder." };
        var trees = new Option<int>("--trees") { Description = "Boosted trees of the attributes-only model.", DefaultValueFactory = _ => 200 }.AtLeast(1);
        var budget = new Option<int>("--budget") { Description = "Tuning trials per outer fold for the full model.", DefaultValueFactory = _ => 6 }.AtLeast(0);
        var trainer = new Option<string>("--trainer") { Description = "fasttree or lightgbm.", DefaultValueFactory = _ => WarningTrainerOptions.FastTree };
        trainer.AcceptOnlyFromAmong(WarningTrainerOptions.FastTree, WarningTrainerOptions.LightGbm);
        var baseline = new Option<bool>("--baseline") { Description = "Also run the untuned FastTree on attributes + degrees + neighbour means and print it beside the full model." };
        var command = new Command("evaluate", "Cross-validate graph features against an attributes-only baseline on a generic labelled graph.")
        {
            nodes, edges, folds, seed, directed, json, report, trees, budget, trainer, baseline,
        };
        command.SetAction(parse => Run(
            new EvaluateRequest(parse.GetValue(nodes)!, parse.GetValue(edges) ?? [], parse.GetValue(folds), parse.GetValue(seed),
                parse.GetValue(directed), parse.GetValue(json), parse.GetValue(report), parse.GetValue(trees),
                parse.GetValue(budget), parse.GetValue(trainer)!, parse.GetValue(baseline)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(EvaluateRequest request, TextWriter output, TextWriter error)
    {
        try
        {
            if (request.Trees < 1) throw new EvaluationInputException($"--trees must be at least 1, got {request.Trees}");
            if (request.Budget < 1) throw new EvaluationInputException($"--budget must be at least 1, got {request.Budget}");
            var clock = Stopwatch.StartNew();
            var data = GenericDataset.Load(request.Nodes, request.Edges, request.Directed);
            output.WriteLine($"  loaded {data.Nodes.Count:N0} nodes and {data.Graph.EdgeCount:N0} edges in {clock.Elapsed.TotalSeconds:F1} s");
            var options = new EvaluationOptions(request.Folds, request.Seed, request.Trees, request.Budget, request.Trainer, request.Baseline);
            var result = CrossValidationRunner.Run(data, options, new WriterProgress(output));
            MetricsTable.Print(result, output);
            if (request.Json is not null)
            {
                MetricsJson.Write(result, request.Json);
                output.WriteLine($"metrics written to {request.Json}");
            }
            if (request.Report is not null)
            {
                var files = EvaluationReportWriter.Write(result, request.Report);
                output.WriteLine($"report written to {request.Report}: {string.Join(", ", files.Select(Path.GetFileName))}");
            }
            output.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        catch (InputFileException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (EvaluationInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>Progress lines written in order on the reporting thread (Progress&lt;T&gt; would post them to the pool).</summary>
    private sealed class WriterProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine($"  {value}");
    }
}
