namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>The header row of an input file: column names (trimmed, matched case-insensitively) and their positions.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    private CsvHeader(IReadOnlyList<string> names)
    {
        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public static CsvHeader Read(CsvRecordReader reader)
    {
        var fields = new List<string>();
        if (!reader.TryRead(fields)) throw new InputFileException(reader.FilePath, 1, 1, "empty file: expected a header row");
        var header = new CsvHeader(fields.Select(f => f.Trim()).ToArray());
        for (int i = 0; i < header.Count; i++)
        {
            string name = header.Names[i];
            if (name.Length == 0) throw reader.Error(i + 1, "empty column name in the header");
            if (!header._index.TryAdd(name, i)) throw reader.Error(i + 1, $"column '{name}' appears twice in the header");
        }
        return header;
    }

    /// <summary>Position of a column, or -1 when the file has none.</summary>
    public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);

    public int Require(string name, CsvRecordReader reader)
    {
        int index = IndexOf(name);
        // A missing column has no cell of its own, so the error points at the start of the header.
        return index >= 0 ? index : throw new InputFileException(reader.FilePath, 1, 1, $"missing required column '{name}'");
    }

    /// <summary>Every row must have exactly as many fields as the header; the column named is the first one missing or extra.</summary>
    public void CheckFieldCount(CsvRecordReader reader, List<string> fields)
    {
        if (fields.Count == Count) return;
        throw reader.Error(Math.Min(fields.Count, Count) + 1, $"expected {Count} fields as in the header, found {fields.Count}");
    }
}
