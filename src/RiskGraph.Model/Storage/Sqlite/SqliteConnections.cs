using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>
/// Opens the product's SQLite connections. Microsoft.Data.Sqlite sets no busy timeout of SQLite's own and answers a
/// locked file by sleeping 150 ms before it tries again, so a write that meets another process's or thread's short
/// transaction (the monitor storing events, the audit writer) waited 150 ms for a lock held for one. With SQLite's
/// busy handler set, SQLite itself retries within a millisecond or two; the managed retry stays as the outer limit.
/// </summary>
internal static class SqliteConnections
{
    private const int BusyTimeoutMilliseconds = 5_000;

    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
