namespace RiskGraph.Model.Import;

/// <summary>The character encoding of the import files.</summary>
public enum ImportEncoding
{
    /// <summary>UTF-8, with or without a byte-order mark; anything else is refused.</summary>
    Utf8,

    /// <summary>GB18030 (a superset of GBK and GB2312), converted explicitly, for departments that export it.</summary>
    Gb18030,
}

/// <summary>
/// Limits and conventions of a CSV import. The limits are checked while reading, so a file that breaks one
/// fails at the offending line without ever being held in memory whole.
/// </summary>
public sealed record ImportOptions
{
    public const int DefaultMaxLineBytes = 1 << 20;
    public const int DefaultMaxFieldChars = 1_000;

    /// <summary>
    /// How far the shares held in one enterprise may add up beyond 1: published percentages are rounded
    /// (three holders of 33.34 % make 100.02 %), so a hundredth of a percent per holder is not an error.
    /// </summary>
    public const double ShareSumTolerance = 1e-3;

    public ImportEncoding Encoding { get; init; } = ImportEncoding.Utf8;

    /// <summary>Bytes per line at most, line end excluded.</summary>
    public int MaxLineBytes { get; init; } = DefaultMaxLineBytes;

    /// <summary>Characters per field at most (after unquoting), e.g. for enterprise and person names.</summary>
    public int MaxFieldChars { get; init; } = DefaultMaxFieldChars;

    /// <summary>
    /// The day after which event dates (founding, decisions, publications, commitments, list entries) are refused
    /// as lying in the future; null means today in China Standard Time, where the source departments are.
    /// </summary>
    public DateOnly? Today { get; init; }

    internal DateOnly LatestEventDay =>
        Today ?? DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineBytes, 64, nameof(MaxLineBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxLineBytes, 1 << 30, nameof(MaxLineBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFieldChars, 1, nameof(MaxFieldChars));
        if (!System.Enum.IsDefined(Encoding)) throw new ArgumentOutOfRangeException(nameof(Encoding), Encoding, "Unknown encoding.");
    }
}
