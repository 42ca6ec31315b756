using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>
/// Which database file a store opened: a random id kept in the file itself (table <c>store_identity</c>). A file
/// deleted under the running service would otherwise be recreated empty by the next open, or written through a
/// pooled connection into the deleted inode and lost; a file replaced by another one would be written as if it
/// were the same. Both are refused with <see cref="StoreLostException"/>, which health reports as unhealthy.
/// </summary>
internal sealed class SqliteFileIdentity(string path)
{
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS store_identity (id TEXT NOT NULL);
        INSERT INTO store_identity (id) SELECT lower(hex(randomblob(16))) WHERE NOT EXISTS (SELECT 1 FROM store_identity);
        """;

    private string? _id;

    /// <summary>Creates the id on a new file and remembers it; called when the schema is created.</summary>
    public async Task InitializeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = CreateSql + "SELECT id FROM store_identity LIMIT 1;";
        _id = (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Before an open: the file known to this store must still be there (an open would create a new one).</summary>
    public void EnsureExists()
    {
        if (_id is not null && !File.Exists(path))
            throw new StoreLostException($"The embedded store file {Path.GetFileName(path)} was deleted while the service ran; nothing was written. Restore it and restart.");
    }

    /// <summary>Before a write: the file on disk (read through a fresh, unpooled connection) is still the one opened.</summary>
    public async Task EnsureSameFileAsync(CancellationToken cancellationToken)
    {
        EnsureExists();
        if (_id is null) return;
        string onDisk;
        var fresh = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 5 };
        await using (var connection = new SqliteConnection(fresh.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM store_identity LIMIT 1";
            try
            {
                onDisk = (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "";
            }
            catch (SqliteException)
            {
                onDisk = "";
            }
        }
        if (onDisk != _id)
            throw new StoreLostException($"The embedded store file {Path.GetFileName(path)} was replaced by another file while the service ran; nothing was written. Restart to serve the new file.");
    }
}
