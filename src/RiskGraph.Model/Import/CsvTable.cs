namespace RiskGraph.Model.Import;

/// <summary>
/// A headed, comma-separated file as documented in data/synthetic/README.md (no quoting).
/// Columns are found by header name, so their order is free; every error names file, line and column.
/// </summary>
internal sealed class CsvTable
{
    private readonly string _fileName;
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, string fileName, string[] header)
    {
        Path = path;
        _fileName = fileName;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++) _columns[header[i].Trim()] = i;
        ColumnCount = header.Length;
    }

    public string Path { get; }

    public int ColumnCount { get; }

    public static CsvTable Open(string path, params string[] requiredColumns)
    {
        string fileName = System.IO.Path.GetFileName(path);
        string? first = File.ReadLines(path).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(first)) throw new ImportException(fileName, 1, 1, "the file has no header row");
        var table = new CsvTable(path, fileName, first.TrimStart('\uFEFF').Split(','));
        foreach (string column in requiredColumns)
        {
            if (!table._columns.ContainsKey(column))
                throw new ImportException(fileName, 1, 1, $"the header has no '{column}' column");
        }
        return table;
    }

    /// <summary>The data rows, skipping blank lines; a row with the wrong number of fields is an error.</summary>
    public IEnumerable<CsvRow> Rows()
    {
        int line = 0;
        foreach (string text in File.ReadLines(Path))
        {
            line++;
            if (line == 1 || text.Length == 0) continue;
            string[] fields = text.Split(',');
            if (fields.Length != ColumnCount)
                throw new ImportException(_fileName, line, Math.Min(fields.Length, ColumnCount) + 1,
                    $"expected {ColumnCount} fields, found {fields.Length}");
            yield return new CsvRow(this, line, fields);
        }
    }

    public int IndexOf(string column) => _columns[column];

    public bool Has(string column) => _columns.ContainsKey(column);

    public ImportException Error(int line, string column, string reason) =>
        new(_fileName, line, _columns.TryGetValue(column, out int index) ? index + 1 : 1, $"{column}: {reason}");
}
