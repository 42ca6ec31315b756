using System.CommandLine;
using System.Text.Json;
using RiskGraph.Training.Commands;

namespace RiskGraph.Training.Tests.Evaluation;

/// <summary>What a verb printed and returned.</summary>
public sealed record VerbOutcome(int ExitCode, string Output, string Error);

/// <summary>Runs the evaluate and export-generic verbs through System.CommandLine, as the CLI would, with captured output.</summary>
public static class VerbRunner
{
    public static VerbOutcome Run(params string[] args)
    {
        var root = new RootCommand("test") { EvaluateCommand.Create(), ExportGenericCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new VerbOutcome(exit, output.ToString(), error.ToString());
    }

    /// <summary>evaluate with --json into the folder; returns the parsed JSON (asserting success first).</summary>
    /// <remarks>Tuning runs with a budget of 2 trials per fold unless the extra arguments name one (tests stay quick).</remarks>
    public static JsonElement Evaluate(string nodes, IEnumerable<string> edges, string json, int trees, params string[] extra)
    {
        var args = new List<string> { "evaluate", "--nodes", nodes };
        foreach (string file in edges) args.AddRange(["--edges", file]);
        args.AddRange(["--folds", "5", "--seed", "1", "--trees", trees.ToString(), "--json", json]);
        if (!extra.Contains("--budget")) args.AddRange(["--budget", "2"]);
        args.AddRange(extra);
        var outcome = Run(args.ToArray());
        Assert.True(outcome.ExitCode == 0, $"evaluate failed ({outcome.ExitCode}): {outcome.Error}\n{outcome.Output}");
        return JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone();
    }

    public static double Number(this JsonElement element, params string[] path)
    {
        foreach (string key in path) element = element.GetProperty(key);
        return element.GetDouble();
    }
}
