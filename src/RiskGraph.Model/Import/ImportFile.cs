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

/// <summary>A check over a whole parsed file (e.g. sums across rows); throws an <see cref="ImportException"/> through <c>error</c>.</summary>
internal delegate Task FileCheck<T>(
    IReadOnlyList<T> rows, IReadOnlyList<int> lines, Func<int, string, string, ImportException> error, IGraphStore store,
    CancellationToken cancellationToken);

/// <param name="key">The record's natural key (what the store replaces on): a key twice in one file with different content is an error.</param>
/// <param name="keyColumn">The column errors about a repeated key point at.</param>
/// <param name="shownKey">The key as errors show it (the masked ID number for persons); the key itself when null.</param>
internal sealed class ImportFile<T>(
    string name, string[] columns, Func<CsvRow, ImportContext, T> parse, Func<T, string> key, string keyColumn,
    Action<T, ImportContext>? accept = null, FileCheck<T>? check = null, Func<T, string>? shownKey = null)
    : ImportFile(name, columns)
    where T : class
{
    public override async Task<ImportedFile> ImportAsync(
        string path, IGraphStore store, ImportContext context, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var table = CsvTable.Open(path, context.Options, Columns);
        var rows = new List<T>();
        var lines = new List<int>();
        var rowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows())
        {
            var record = parse(row, context);
            if (rowOfKey.TryGetValue(key(record), out int earlier))
            {
                // The store keeps one row per key, so a second version would silently replace the first. The same
                // row twice (a file concatenated with an overlapping one) changes nothing and is let through.
                if (!record.Equals(rows[earlier]))
                    throw row.Error(keyColumn, $"{shownKey?.Invoke(record) ?? CsvRow.Cut(key(record))} is also on line {lines[earlier]}, with other content");
                continue;
            }
            rowOfKey.Add(key(record), rows.Count);
            rows.Add(record);
            lines.Add(row.Line);
            if (rows.Count % 50_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(Name, "validating", rows.Count, 0));
            }
        }
        if (check is not null) await check(rows, lines, table.Error, store, cancellationToken);
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
