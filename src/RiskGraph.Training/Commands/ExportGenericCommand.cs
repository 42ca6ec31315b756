using System.CommandLine;
using RiskGraph.Training.Evaluation.Generic;

namespace RiskGraph.Training.Commands;

/// <summary><c>export-generic --from DIR --out DIR</c>: converts a synthetic folder into the generic format that <c>evaluate</c> reads.</summary>
internal static class ExportGenericCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "Synthetic folder (schema: data/synthetic/README.md).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder for nodes.csv and edges_*.csv (created if missing).", Required = true };
        var command = new Command("export-generic", "Export a synthetic folder as nodes.csv + edges_*.csv for the evaluate verb.") { from, output };
        from.Required = false;
        var labelled = new Option<int>("--labelled-graph")
        {
            Description = "Instead of --from, write a generated labelled graph of this many nodes (57 correlated attributes, 3 relation types, 10 % positive).",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated labelled graph.", DefaultValueFactory = _ => 1 };
        command.Options.Add(labelled);
        command.Options.Add(seed);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            string target = parse.GetValue(output)!.FullName;
            if (parse.GetValue(labelled) is > 0 and var count)
            {
                LabelledGraphGenerator.Write(target, count, seed: parse.GetValue(seed));
                parse.InvocationConfiguration.Output.WriteLine($"generated labelled graph of {count:N0} nodes written to {target}");
                return 0;
            }
            if (parse.GetValue(from) is null)
            {
                error.WriteLine("error: --from or --labelled-graph is required");
                return 1;
            }
            string source = parse.GetValue(from)!.FullName;
            if (!Directory.Exists(source))
            {
                error.WriteLine($"error: {source}: no such folder");
                return 1;
            }
            try
            {
                var summary = SyntheticExport.Export(source, target);
                foreach (var (file, rows) in summary.RowsPerFile) parse.InvocationConfiguration.Output.WriteLine($"{file,-28} {rows,12:N0} rows");
                parse.InvocationConfiguration.Output.WriteLine($"written to {target}");
                return 0;
            }
            catch (Exception e) when (e is InputFileException or FileNotFoundException)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
