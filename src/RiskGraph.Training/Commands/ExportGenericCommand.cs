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
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            string source = parse.GetValue(from)!.FullName, target = parse.GetValue(output)!.FullName;
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
