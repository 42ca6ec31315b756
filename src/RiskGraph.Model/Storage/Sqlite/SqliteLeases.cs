using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>
/// Leases in the embedded store: one row per lease, taken with one conditional upsert under SQLite's write lock,
/// so two processes on the file can never both hold it. Times are Unix milliseconds (UTC).
/// </summary>
public sealed partial class SqliteGraphStore : IStoreLeases
{
    // Created on first use rather than in the schema: leases are optional and the statement is idempotent.
    private const string LeaseTableSql =
        "CREATE TABLE IF NOT EXISTS store_lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL);";

    public async Task<StoreLease> TryAcquireLeaseAsync(string name, string holder, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var now = DateTimeOffset.UtcNow;
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The WHERE of the upsert is the election: an existing row changes only when it is ours or has expired.
        command.CommandText = LeaseTableSql + """
            INSERT INTO store_lease (name, holder, expires_at) VALUES ($name, $holder, $expires)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE store_lease.holder = excluded.holder OR store_lease.expires_at <= $now;
            SELECT holder, expires_at FROM store_lease WHERE name = $name;
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$holder", holder);
        command.Parameters.AddWithValue("$expires", (now + timeToLive).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) throw new InvalidDataException($"Lease {name} was not stored.");
            return new StoreLease(name, reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // Busy or locked: nobody's lease changed; the caller tries again at its next renewal.
            throw new StoreUnavailableException("The embedded store is busy; the lease was not taken.", e);
        }
    }

    public async Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = LeaseTableSql + "DELETE FROM store_lease WHERE name = $name AND holder = $holder;";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$holder", holder);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
