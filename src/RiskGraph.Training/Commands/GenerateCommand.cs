using System.CommandLine;
using System.Diagnostics;
using RiskGraph.Training.Synthetic;

namespace RiskGraph.Training.Commands;

/// <summary><c>generate --enterprises N --seed S --out DIR</c>: writes the synthetic CSV files (same seed, same bytes).</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var enterprises = new Option<int>("--enterprises") { Description = "Number of enterprises.", DefaultValueFactory = _ => 20_000 }.AtLeast(1);
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same bytes.", DefaultValueFactory = _ => 42 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder (created if missing).", Required = true };
        var command = new Command("generate", "Generate a synthetic enterprise graph as CSV files (schema: data/synthetic/README.md).")
        {
            enterprises, seed, output,
        };
        command.SetAction(parse =>
        {
            var options = new SyntheticOptions(parse.GetValue(enterprises), parse.GetValue(seed));
            string folder = parse.GetValue(output)!.FullName;
            var clock = Stopwatch.StartNew();
            var summary = SyntheticGraphGenerator.Generate(options, folder, new ConsoleProgress());
            foreach (var (file, rows) in summary.RowsPerFile) Console.WriteLine($"{file,-28} {rows,12:N0} rows");
            Console.WriteLine($"label rate {summary.LabelRate:P2}; written to {folder} in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }
}
