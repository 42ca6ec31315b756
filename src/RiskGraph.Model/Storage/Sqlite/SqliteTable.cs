using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>How one domain record type maps onto one SQLite table.</summary>
internal sealed class SqliteTable<T>(
    string name,
    string[] columns,
    string[] keyColumns,
    Func<T, object?[]> toValues,
    Func<SqliteDataReader, T> fromReader,
    string? onceColumn = null,
    string? onceOrder = null)
    where T : class
{
    /// <summary>For decisions taken once: the column naming what is decided (a repair's record_id), else null.</summary>
    public string? OnceColumn { get; } = onceColumn;

    /// <summary>Plain INSERT: a decision never replaces another, so a second one on the primary key fails loudly.</summary>
    public string InsertSql =>
        $"INSERT INTO {Name} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";

    /// <summary>The decision taken first on a subject (stores written before the once-only check may hold several).</summary>
    public string FirstDecisionSql =>
        $"SELECT {string.Join(", ", Columns)} FROM {Name} WHERE {OnceColumn} = $once ORDER BY {onceOrder ?? OnceColumn}, {string.Join(", ", KeyColumns)} LIMIT 1";

    public string Name { get; } = name;

    public string[] Columns { get; } = columns;

    public string[] KeyColumns { get; } = keyColumns;

    // INSERT OR REPLACE on the natural key is what makes a repeated import leave the same rows.
    public string UpsertSql =>
        $"INSERT OR REPLACE INTO {Name} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";

    public string SelectAllSql => $"SELECT {string.Join(", ", Columns)} FROM {Name} ORDER BY {string.Join(", ", KeyColumns)}";

    public string SelectByKeySql =>
        $"SELECT {string.Join(", ", Columns)} FROM {Name} WHERE {string.Join(" AND ", KeyColumns.Select(k => $"{k} = ${k}"))}";

    public string DeleteByKeySql => $"DELETE FROM {Name} WHERE {string.Join(" AND ", KeyColumns.Select(k => $"{k} = ${k}"))}";

    /// <summary>Relations can be removed; nodes and the records of credit history cannot.</summary>
    public bool Removable { get; init; }

    public object?[] ToValues(T row) => toValues(row);

    /// <summary>The row's natural key as the change feed names it: the key columns' values joined by '|'.</summary>
    public string KeyOf(object?[] values)
    {
        _keyIndexes ??= KeyColumns.Select(k => Array.IndexOf(Columns, k)).ToArray();
        return _keyIndexes.Length == 1 ? Convert.ToString(values[_keyIndexes[0]], System.Globalization.CultureInfo.InvariantCulture) ?? ""
            : string.Join('|', _keyIndexes.Select(i => Convert.ToString(values[i], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private int[]? _keyIndexes;

    public T Read(SqliteDataReader reader) => fromReader(reader);
}
