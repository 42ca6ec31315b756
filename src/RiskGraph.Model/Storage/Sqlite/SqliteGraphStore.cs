using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>
/// The default, embedded store: one SQLite file in write-ahead-log mode, so the API can read while an import writes.
/// Every upsert is one transaction; a failure rolls all of it back.
/// </summary>
public sealed class SqliteGraphStore : IGraphStore
{
    private const int ProgressEvery = 10_000;
    private readonly string _connectionString;

    public SqliteGraphStore(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 60 }.ToString();
    }

    public string Kind => "embedded";

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // WAL lets readers proceed during an import; NORMAL sync is safe against corruption in WAL mode.
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;" + SqliteSchema.CreateSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var (table, column, type) in SqliteSchema.AddedColumns)
        {
            command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0) continue;
            command.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {type}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task UpsertAsync<T>(IReadOnlyList<T> rows, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var table = SqliteSchema.For<T>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.UpsertSql;
        var parameters = table.Columns.Select(c => command.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
        command.Prepare();

        for (int i = 0; i < rows.Count; i++)
        {
            object?[] values = table.ToValues(rows[i]);
            for (int c = 0; c < parameters.Length; c++)
            {
                parameters[c].SqliteType = values[c] switch { double => SqliteType.Real, int or long => SqliteType.Integer, _ => SqliteType.Text };
                parameters[c].Value = values[c] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
            if ((i + 1) % ProgressEvery == 0) progress?.Report(i + 1);
        }
        // Nothing is visible to readers until this commit; disposing an uncommitted transaction rolls it back.
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(rows.Count);
    }

    public async IAsyncEnumerable<T> ReadAllAsync<T>([EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        var table = SqliteSchema.For<T>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = table.SelectAllSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return table.Read(reader);
        }
    }

    public async Task<long> CountAsync<T>(CancellationToken cancellationToken = default) where T : class
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {SqliteSchema.For<T>().Name}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<Enterprise?> FindEnterpriseAsync(string uscc, CancellationToken cancellationToken = default)
    {
        var table = SqliteSchema.For<Enterprise>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", table.Columns)} FROM enterprise WHERE uscc = $uscc";
        command.Parameters.AddWithValue("$uscc", uscc);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? table.Read(reader) : null;
    }

    public async Task<NetworkView> GetNetworkAsync(string uscc, int depth, int maxNodes, CancellationToken cancellationToken = default)
    {
        var enterprise = await FindEnterpriseAsync(uscc, cancellationToken)
            ?? throw new KeyNotFoundException($"No enterprise with USCC {uscc}.");
        var center = new NetworkNode(enterprise.Uscc, "enterprise", enterprise.Name, enterprise.Industry, enterprise.Region, 0);
        await using var connection = await OpenAsync(cancellationToken);
        return await NetworkCollector.CollectAsync(
            center, depth, maxNodes, (node, ct) => SqliteNetworkQueries.ExpandAsync(connection, node, ct), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; clearing the pool releases it for deletion by tests and tools.
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
