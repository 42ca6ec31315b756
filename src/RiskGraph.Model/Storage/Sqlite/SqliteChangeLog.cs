using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>
/// The embedded store's change feed: a table whose AUTOINCREMENT key is the sequence number, appended inside the
/// write's own transaction, so a sequence exists exactly when its rows are committed, and SQLite's one write lock
/// orders the sequences of every process writing the file.
/// </summary>
internal static class SqliteChangeLog
{
    public static async Task<long> AppendAsync(
        SqliteConnection connection, SqliteTransaction transaction, string recordType, int rows, string[]? keys, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO change_log (at, record_type, rows, keys) VALUES ($at, $type, $rows, $keys) RETURNING seq";
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$type", recordType);
        command.Parameters.AddWithValue("$rows", rows);
        command.Parameters.AddWithValue("$keys", (object?)StoreChange.Join(keys) ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<long> LatestAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM change_log";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<IReadOnlyList<StoreChange>> ReadAsync(SqliteConnection connection, long since, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, at, record_type, rows, keys FROM change_log WHERE seq > $since ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$since", since);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<StoreChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new StoreChange(reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(2), reader.GetInt32(3), StoreChange.Split(reader.IsDBNull(4) ? null : reader.GetString(4))));
        }
        return changes;
    }
}
