namespace RiskGraph.Model.Import;

/// <summary>A bad input row: names the file, the 1-based line and column, and the reason.</summary>
public sealed class ImportException(string file, int line, int column, string reason)
    : Exception($"{file}:{line}:{column}: {reason}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Reason { get; } = reason;

    /// <summary>For records sent to the API: the field in the request, e.g. penalties[17].amount.</summary>
    public string? Field { get; init; }

    /// <summary>Found by the check of every file that runs before the first write: nothing of the import was stored.</summary>
    public bool BeforeAnyWrite { get; internal set; }
}
