using System.Globalization;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Reads nodes.csv: a header with <c>id</c> and <c>label</c>, optionally <c>split</c>, <c>industry</c> and
/// <c>region</c>; every other column is a numeric attribute. Any bad cell stops the load with its file, line and column.
/// </summary>
public static class NodeFileLoader
{
    public const string IdColumn = "id", LabelColumn = "label", SplitColumn = "split";
    public const string IndustryColumn = "industry", RegionColumn = "region";

    private static readonly string[] ReservedColumns = [IdColumn, LabelColumn, SplitColumn, IndustryColumn, RegionColumn];

    public static NodeTable Load(string path)
    {
        using var reader = new CsvRecordReader(path);
        var header = CsvHeader.Read(reader);
        int idAt = header.Require(IdColumn, reader);
        int labelAt = header.Require(LabelColumn, reader);
        int splitAt = header.IndexOf(SplitColumn);
        var industry = header.IndexOf(IndustryColumn) is var i and >= 0 ? new CategoryBuilder(header.Names[i], i) : null;
        var region = header.IndexOf(RegionColumn) is var r and >= 0 ? new CategoryBuilder(header.Names[r], r) : null;
        int[] attributeAt = Enumerable.Range(0, header.Count)
            .Where(c => !ReservedColumns.Contains(header.Names[c], StringComparer.OrdinalIgnoreCase)).ToArray();

        var ids = new List<string>();
        var labels = new List<sbyte>();
        var splits = new List<NodeSplit>();
        var attributes = attributeAt.Select(_ => new List<float>()).ToArray();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = new List<string>();
        while (reader.TryRead(fields))
        {
            header.CheckFieldCount(reader, fields);
            string id = fields[idAt];
            if (id.Length == 0) throw reader.Error(idAt + 1, "empty node id");
            if (!firstLine.TryAdd(id, reader.LineNumber))
                throw reader.Error(idAt + 1, $"duplicate node id '{id}' (first on line {firstLine[id]})");
            ids.Add(id);
            labels.Add(ParseLabel(reader, fields[labelAt], labelAt));
            splits.Add(splitAt < 0 ? NodeSplit.None : ParseSplit(reader, fields[splitAt], splitAt));
            industry?.Add(fields);
            region?.Add(fields);
            for (int a = 0; a < attributeAt.Length; a++)
                attributes[a].Add(ParseAttribute(reader, fields[attributeAt[a]], attributeAt[a], header.Names[attributeAt[a]]));
        }
        return new NodeTable(
            ids.ToArray(), labels.ToArray(), splits.ToArray(), attributeAt.Select(c => header.Names[c]).ToArray(),
            attributes.Select(a => a.ToArray()).ToArray(), industry?.Build(), region?.Build());
    }

    private static sbyte ParseLabel(CsvRecordReader reader, string text, int column) => text.Trim() switch
    {
        "" => -1,
        "0" => 0,
        "1" => 1,
        _ => throw reader.Error(column + 1, $"label must be 0, 1 or empty, found '{text}'"),
    };

    private static NodeSplit ParseSplit(CsvRecordReader reader, string text, int column) => text.Trim().ToLowerInvariant() switch
    {
        "" => NodeSplit.None,
        "train" => NodeSplit.Train,
        "valid" or "validation" => NodeSplit.Valid,
        "test" => NodeSplit.Test,
        _ => throw reader.Error(column + 1, $"split must be train, valid, test or empty, found '{text}'"),
    };

    /// <summary>Empty means missing (NaN); anything else must be a finite number in invariant notation.</summary>
    internal static float ParseAttribute(CsvRecordReader reader, string text, int column, string name)
    {
        if (text.Trim().Length == 0) return float.NaN;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw reader.Error(column + 1, $"attribute '{name}' is not a number: '{text}'");
        float narrowed = (float)value;
        return float.IsFinite(narrowed) ? narrowed : throw reader.Error(column + 1, $"attribute '{name}' is out of range: '{text}'");
    }

    /// <summary>Interns a categorical column's values into dense codes in order of first appearance.</summary>
    private sealed class CategoryBuilder(string name, int column)
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];
        private readonly List<int> _nodeCodes = [];

        public void Add(List<string> fields)
        {
            string value = fields[column].Trim();
            if (value.Length == 0)
            {
                _nodeCodes.Add(CategoryColumn.Missing);
                return;
            }
            if (!_codes.TryGetValue(value, out int code))
            {
                code = _values.Count;
                _codes[value] = code;
                _values.Add(value);
            }
            _nodeCodes.Add(code);
        }

        public CategoryColumn Build() => new(name, _nodeCodes.ToArray(), _values.ToArray());
    }
}
