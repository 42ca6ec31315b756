using System.CommandLine;
using RiskGraph.Model;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using Spectre.Console;

namespace RiskGraph.Training.Commands;

/// <summary><c>import DIR</c>: loads the CSV files of a folder into the store, one transaction per file.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Folder with enterprises.csv, persons.csv, ... (see data/synthetic/README.md)." };
        var store = StoreSelection.Option();
        var encoding = new Option<string>("--encoding")
        {
            Description = "Encoding of the files: utf-8 (the default; with or without BOM) or gb18030 (also reads GBK and GB2312 exports).",
            DefaultValueFactory = _ => "utf-8",
        };
        var maxField = new Option<int>("--max-field-chars")
        {
            Description = "Characters per field at most, e.g. for names.", DefaultValueFactory = _ => ImportOptions.DefaultMaxFieldChars,
        }.AtLeast(1);
        var maxLine = new Option<int>("--max-line-bytes")
        {
            Description = "Bytes per line at most (checked while reading).", DefaultValueFactory = _ => ImportOptions.DefaultMaxLineBytes,
        }.AtLeast(1);
        var command = new Command("import", "Import a folder of CSV files into the store (idempotent; a bad row fails its file and stores nothing of it).")
        {
            folder, store, encoding, maxField, maxLine,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ImportOptions
            {
                Encoding = ParseEncoding(parse.GetValue(encoding)!),
                MaxFieldChars = parse.GetValue(maxField),
                MaxLineBytes = parse.GetValue(maxLine),
            };
            options.Validate();
            var home = RiskGraphHome.FromEnvironment();
            await using var graphStore = await StoreSelection.OpenAsync(parse.GetValue(store)!, home, cancellationToken);
            var importer = new CsvImporter(graphStore, PersonKeyHasher.ForHome(home), options);
            try
            {
                string source = parse.GetValue(folder)!.FullName;
                int files = Directory.Exists(source) ? Directory.GetFiles(source, "*.csv").Length : 0;
                var imported = await WithProgressBar(files, p => importer.ImportFolderAsync(source, p, cancellationToken));
                foreach (var file in imported)
                    Console.WriteLine($"{file.File,-28} {file.Rows,10:N0} rows  {file.Elapsed.TotalSeconds,7:F2} s  {file.Rows / Math.Max(file.Elapsed.TotalSeconds, 1e-6),10:N0} rows/s");
                // References given by registration number or name: how each was resolved, so nothing is matched unseen.
                foreach (var rule in importer.Resolutions.GroupBy(r => r.Rule))
                    Console.WriteLine($"resolved by {rule.Key,-20} {rule.Count(),10:N0} references (confidence {rule.First().Confidence:0.##})");
                Console.WriteLine($"store: {graphStore.Kind} at {home.Root}");
                return 0;
            }
            catch (ImportException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                Console.Error.WriteLine(e.BeforeAnyWrite
                    ? "nothing was stored: every file is checked for its encoding and line length before the first is written."
                    : $"nothing of {e.File} was stored; files imported before it are kept.");
                return 1;
            }
            catch (ImportWriteException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                Console.Error.WriteLine($"nothing of {e.File} was stored; files imported before it are kept. The import is idempotent: run it again once the store is back.");
                return 1;
            }
        });
        return command;
    }

    private static ImportEncoding ParseEncoding(string name) => name.ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => ImportEncoding.Utf8,
        "gb18030" or "gbk" or "gb2312" => ImportEncoding.Gb18030,
        _ => throw new ArgumentException($"Unknown encoding '{name}'; expected utf-8 or gb18030."),
    };

    // A bar with rows per second and time left on a terminal; a line every few seconds when output is redirected.
    private static async Task<T> WithProgressBar<T>(int files, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (Console.IsOutputRedirected) return await work(new LineProgress(files, TimeSpan.FromSeconds(3), Console.Out));
        return await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsPerSecondColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            var progress = new Progress<ImportProgress>(p =>
            {
                if (!tasks.TryGetValue(p.File, out var task)) tasks[p.File] = task = context.AddTask(p.File, maxValue: 1);
                task.Description = $"{p.File} ({p.Stage})";
                if (p.Total > 0)
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                }
            });
            return await work(progress);
        });
    }
}
