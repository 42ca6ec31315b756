namespace RiskGraph.Model.Import;

/// <summary>
/// Records of one kind sent as JSON objects whose fields are the CSV file's columns: each becomes a row for the
/// import's parsers. Errors name the field as the request has it, e.g. penalties[17].amount.
/// </summary>
internal sealed class RecordSource : IRowSource
{
    private readonly string _name;
    private readonly string[] _columns;
    private readonly Dictionary<string, int> _index;
    private readonly int _maxFieldChars;

    public RecordSource(string name, string[] columns, ImportOptions options)
    {
        _name = name;
        _columns = columns;
        _index = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        _maxFieldChars = options.MaxFieldChars;
        LatestEventDay = options.LatestEventDay;
    }

    public DateOnly LatestEventDay { get; }

    public int IndexOf(string column) => _index[column];

    public bool Has(string column) => _index.ContainsKey(column);

    public ImportException Error(int line, string column, string reason) =>
        new(_name, line, _index.TryGetValue(column, out int i) ? i + 1 : 0, $"{column}: {reason}") { Field = $"{_name}[{line}].{column}" };

    /// <summary>The record at <paramref name="index"/> as a row; unknown fields, control characters and overlong values are refused.</summary>
    public CsvRow Row(int index, IReadOnlyDictionary<string, string?> record)
    {
        var fields = new string[_columns.Length];
        Array.Fill(fields, "");
        foreach (var (name, value) in record)
        {
            // A registration number may stand where the USCC is expected; the resolver turns it into the USCC.
            string field = name == "registration_no" && !record.ContainsKey("uscc") && _index.ContainsKey("uscc") ? "uscc" : name;
            if (!_index.TryGetValue(field, out int column))
                throw new ImportException(_name, index, 0, $"{CsvRow.Cut(name)}: is not a field of {_name}; expected {string.Join(", ", _columns)}")
                    { Field = $"{_name}[{index}].{CsvRow.Cut(name)}" };
            string text = value ?? "";
            if (text.Length > _maxFieldChars) throw Error(index, field, $"is longer than {_maxFieldChars:N0} characters");
            if (text.Any(char.IsControl)) throw Error(index, field, "contains a control character");
            fields[column] = text;
        }
        return new CsvRow(this, index, fields);
    }
}
