using System.Diagnostics;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Import;

/// <summary>
/// One CSV file of the import and the record type it becomes. The whole file is parsed and checked
/// before anything is written, then written in one store transaction: a bad row stores nothing of its file.
/// </summary>
internal abstract class ImportFile(string name, string[] columns)
{
    public string Name { get; } = name;

    public string[] Columns { get; } = columns;

    public abstract Task<ImportedFile> ImportAsync(
        string path, IGraphStore store, ImportContext context, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}

internal sealed class ImportFile<T>(string name, string[] columns, Func<CsvRow, ImportContext, T> parse, Action<T, ImportContext>? accept = null)
    : ImportFile(name, columns)
    where T : class
{
    public override async Task<ImportedFile> ImportAsync(
        string path, IGraphStore store, ImportContext context, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var table = CsvTable.Open(path, Columns);
        var rows = new List<T>();
        foreach (var row in table.Rows())
        {
            rows.Add(parse(row, context));
            if (rows.Count % 50_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(Name, "validating", rows.Count, 0));
            }
        }
        int total = rows.Count;
        var writing = progress is null ? null : new Progress<int>(done => progress.Report(new ImportProgress(Name, "writing", done, total)));
        try
        {
            await store.UpsertAsync(rows, writing, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImportWriteException(Name, e);
        }
        // Only once the rows are committed may later files refer to them.
        if (accept is not null)
        {
            foreach (var row in rows) accept(row, context);
        }
        return new ImportedFile(Name, total, clock.Elapsed);
    }
}
