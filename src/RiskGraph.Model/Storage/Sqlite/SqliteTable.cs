using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>How one domain record type maps onto one SQLite table.</summary>
internal sealed class SqliteTable<T>(
    string name,
    string[] columns,
    string[] keyColumns,
    Func<T, object?[]> toValues,
    Func<SqliteDataReader, T> fromReader)
    where T : class
{
    public string Name { get; } = name;

    public string[] Columns { get; } = columns;

    public string[] KeyColumns { get; } = keyColumns;

    // INSERT OR REPLACE on the natural key is what makes a repeated import leave the same rows.
    public string UpsertSql =>
        $"INSERT OR REPLACE INTO {Name} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";

    public string SelectAllSql => $"SELECT {string.Join(", ", Columns)} FROM {Name} ORDER BY {string.Join(", ", KeyColumns)}";

    public object?[] ToValues(T row) => toValues(row);

    public T Read(SqliteDataReader reader) => fromReader(reader);
}
