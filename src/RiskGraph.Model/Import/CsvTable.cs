namespace RiskGraph.Model.Import;

/// <summary>
/// A headed, comma-separated file as documented in data/synthetic/README.md, read as a stream (see
/// <see cref="CsvLineReader"/> and <see cref="CsvFields"/> for the limits and checks). Columns are found by header
/// name, so their order is free; every error names file, line and column (the 1-based field number).
/// An empty file and a header-only file mean the same: no rows. Blank lines are skipped.
/// </summary>
internal sealed class CsvTable : IRowSource, IDisposable
{
    private readonly CsvLineReader _reader;
    private readonly CsvFields _fields;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    private CsvTable(string path, ImportOptions options)
    {
        FileName = System.IO.Path.GetFileName(path);
        _reader = CsvLineReader.Open(path, options);
        _fields = new CsvFields(_reader, options);
        LatestEventDay = options.LatestEventDay;
    }

    public string FileName { get; }

    public int ColumnCount { get; private set; }

    /// <summary>No header at all: the file is empty or blank.</summary>
    public bool IsEmpty => ColumnCount == 0;

    /// <summary>Event dates after this day are refused.</summary>
    public DateOnly LatestEventDay { get; }

    public static CsvTable Open(string path, ImportOptions options, params string[] requiredColumns)
    {
        var table = new CsvTable(path, options);
        try
        {
            table.ReadHeader(requiredColumns);
            return table;
        }
        catch
        {
            table.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads a whole file for its encoding and line limit only, so that a wrongly encoded or oversized file is
    /// found before any file of the import is written.
    /// </summary>
    public static void Scan(string path, ImportOptions options)
    {
        using var reader = CsvLineReader.Open(path, options);
        while (reader.ReadLine() is not null)
        {
        }
    }

    /// <summary>The data rows; a row with the wrong number of fields is an error.</summary>
    public IEnumerable<CsvRow> Rows()
    {
        if (IsEmpty) yield break;
        while (_reader.ReadLine() is { } text)
        {
            if (text.Length == 0) continue;
            string[] fields = _fields.Split(text, ColumnCount);
            if (fields.Length != ColumnCount)
                throw _reader.Error(Math.Min(fields.Length, ColumnCount) + 1, $"expected {ColumnCount} fields, found {fields.Length}");
            yield return new CsvRow(this, _reader.LineNumber, fields);
        }
    }

    public int IndexOf(string column) => _columns[column];

    public bool Has(string column) => _columns.ContainsKey(column);

    public ImportException Error(int line, string column, string reason) =>
        new(FileName, line, _columns.TryGetValue(column, out int index) ? index + 1 : 1, $"{column}: {reason}");

    public void Dispose() => _reader.Dispose();

    private void ReadHeader(string[] requiredColumns)
    {
        string? header;
        do header = _reader.ReadLine();
        while (header is not null && header.Trim().Length == 0);
        if (header is null) return;

        string[] names = _fields.Split(header, requiredColumns.Length);
        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i].Trim();
            if (!_columns.TryAdd(name, i)) throw _reader.Error(i + 1, $"the header names '{name}' twice");
        }
        ColumnCount = names.Length;
        // Old exports name the enterprise by its 15-digit registration number: that column stands for the USCC.
        if (!_columns.ContainsKey("uscc") && _columns.TryGetValue("registration_no", out int registration) && requiredColumns.Contains("uscc")
            && !requiredColumns.Contains("registration_no"))
            _columns["uscc"] = registration;
        foreach (string column in requiredColumns)
        {
            if (!_columns.ContainsKey(column)) throw _reader.Error(1, $"the header has no '{column}' column");
        }
    }
}
