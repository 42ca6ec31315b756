namespace RiskGraph.Model.Storage;

/// <summary>
/// One committed write to the store, numbered by the store itself in the same transaction: the change feed that every
/// API process follows. <see cref="Keys"/> names the rows written (their natural keys, joined by '|' for compound
/// keys) when there are at most <see cref="MaxKeys"/> of them; a bulk write (an import file) gives only the count,
/// and a follower treats it as "reload everything".
/// </summary>
/// <param name="Sequence">Monotonically increasing across all writers of the store, from 1.</param>
/// <param name="RecordType">The domain record type written, e.g. Penalty.</param>
public sealed record StoreChange(long Sequence, DateTimeOffset At, string RecordType, int Rows, IReadOnlyList<string>? Keys)
{
    public const int MaxKeys = 10_000;

    public bool IsBulk => Keys is null;

    /// <summary>The keys of a write, or null for a bulk write.</summary>
    public static string[]? KeysOf<T>(IReadOnlyList<T> rows, Func<T, string> keyOf)
    {
        if (rows.Count > MaxKeys) return null;
        var keys = new string[rows.Count];
        for (int i = 0; i < rows.Count; i++) keys[i] = keyOf(rows[i]);
        return keys;
    }

    /// <summary>Keys as the stores keep them: one text, newline-separated (keys never contain a newline).</summary>
    public static string? Join(string[]? keys) => keys is null ? null : string.Join('\n', keys);

    public static IReadOnlyList<string>? Split(string? keys) => keys is null ? null : keys.Length == 0 ? [] : keys.Split('\n');
}

/// <summary>
/// The store could not be reached or written just now (SQLite busy, locked or I/O error; Neo4j unavailable or timed
/// out): nothing of the call was stored and it may be retried. The API answers 503 with Retry-After.
/// </summary>
public class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The store the service opened is gone (its file deleted or replaced under it): nothing is written, and unlike a
/// busy store this does not pass by itself, so health reports it unhealthy.
/// </summary>
public sealed class StoreLostException(string message) : StoreUnavailableException(message);

/// <summary>Which kind of store holds the system of record.</summary>
public enum StoreKind
{
    /// <summary>SQLite inside the home folder: nothing to install.</summary>
    Embedded,

    /// <summary>Neo4j over its HTTP Cypher endpoint.</summary>
    Neo4j,
}
