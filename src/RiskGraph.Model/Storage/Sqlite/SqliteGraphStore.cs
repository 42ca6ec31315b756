using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>
/// The default, embedded store: one SQLite file in write-ahead-log mode, so the API can read while an import writes.
/// Every upsert is one transaction; a failure rolls all of it back.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore
{
    private const int ProgressEvery = 10_000;
    private readonly string _connectionString;
    private readonly SqliteFileIdentity _identity;

    public SqliteGraphStore(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        // A locked store answers within seconds (StoreUnavailableException), not after a minute.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 5 }.ToString();
        _identity = new SqliteFileIdentity(path);
    }

    public StoreKind Kind => StoreKind.Embedded;

    /// <summary>Throws <see cref="StoreLostException"/> when the file opened was deleted or replaced since.</summary>
    public Task VerifyFileAsync(CancellationToken cancellationToken = default) => _identity.EnsureSameFileAsync(cancellationToken);

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
        await _identity.InitializeAsync(connection, cancellationToken);
    }

    public async Task<long> UpsertAsync<T>(IReadOnlyList<T> rows, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
        where T : class
    {
        return await GuardedAsync(() => WriteAsync(rows, progress, cancellationToken));
    }

    private async Task<long> WriteAsync<T>(IReadOnlyList<T> rows, IProgress<int>? progress, CancellationToken cancellationToken) where T : class
    {
        await using var connection = await OpenAsync(cancellationToken);
        // IMMEDIATE takes the write lock at once, so a busy store is found before any row is written.
        await using var transaction = connection.BeginTransaction(deferred: false);
        long sequence = await WriteRowsAsync(connection, transaction, rows, progress, cancellationToken);
        // Nothing is visible to readers until this commit; disposing an uncommitted transaction rolls it back.
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(rows.Count);
        return sequence;
    }

    public Task<long> UpsertManyAsync(IReadOnlyList<RowSet> sets, CancellationToken cancellationToken = default) =>
        GuardedAsync(() => WriteManyAsync(sets, cancellationToken));

    private async Task<long> WriteManyAsync(IReadOnlyList<RowSet> sets, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var writer = new TransactionWriter(this, connection, transaction);
        long sequence = await SqliteChangeLog.LatestAsync(connection, transaction, cancellationToken);
        foreach (var set in sets)
        {
            if (set.Count > 0) sequence = await set.WriteWithAsync(writer, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    private sealed class TransactionWriter(SqliteGraphStore store, SqliteConnection connection, SqliteTransaction transaction) : IRowSetWriter
    {
        public Task<long> WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class =>
            store.WriteRowsAsync(connection, transaction, rows, null, cancellationToken);

        public Task<long> RemoveAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class =>
            RemoveRowsAsync(connection, transaction, rows, cancellationToken);
    }

    private static async Task<long> RemoveRowsAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        var table = SqliteSchema.For<T>();
        if (!table.Removable) throw new NotSupportedException($"{typeof(T).Name} rows are never removed.");
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.DeleteByKeySql;
        var parameters = table.KeyColumns.Select(c => command.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
        command.Prepare();
        var keys = rows.Count <= StoreChange.MaxKeys ? new string[rows.Count] : null;
        for (int i = 0; i < rows.Count; i++)
        {
            object?[] values = table.ToValues(rows[i]);
            if (keys is not null) keys[i] = table.KeyOf(values);
            for (int k = 0; k < parameters.Length; k++) parameters[k].Value = values[Array.IndexOf(table.Columns, table.KeyColumns[k])] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return await SqliteChangeLog.AppendAsync(connection, transaction, typeof(T).Name, rows.Count, keys, cancellationToken);
    }

    private async Task<long> WriteRowsAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<T> rows, IProgress<int>? progress, CancellationToken cancellationToken)
        where T : class
    {
        var table = SqliteSchema.For<T>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.UpsertSql;
        var parameters = table.Columns.Select(c => command.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
        command.Prepare();

        var keys = rows.Count <= StoreChange.MaxKeys ? new string[rows.Count] : null;
        for (int i = 0; i < rows.Count; i++)
        {
            object?[] values = table.ToValues(rows[i]);
            if (keys is not null) keys[i] = table.KeyOf(values);
            Bind(parameters, values);
            await command.ExecuteNonQueryAsync(cancellationToken);
            if ((i + 1) % ProgressEvery == 0) progress?.Report(i + 1);
        }
        return rows.Count == 0
            ? await SqliteChangeLog.LatestAsync(connection, transaction, cancellationToken)
            : await SqliteChangeLog.AppendAsync(connection, transaction, typeof(T).Name, rows.Count, keys, cancellationToken);
    }

    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteChangeLog.LatestAsync(connection, null, cancellationToken);
    }

    public async Task<IReadOnlyList<StoreChange>> ReadChangesAsync(long since, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteChangeLog.ReadAsync(connection, since, limit, cancellationToken);
    }

    /// <summary>A write whose SQLite failure means "not now" surfaces as the store-neutral <see cref="StoreUnavailableException"/>.</summary>
    private async Task<T> GuardedAsync<T>(Func<Task<T>> write)
    {
        await _identity.EnsureSameFileAsync(CancellationToken.None);
        try
        {
            return await write();
        }
        catch (SqliteException e) when (IsUnavailable(e))
        {
            throw new StoreUnavailableException($"The embedded store cannot be written now ({e.Message.TrimEnd('.')}); nothing was stored.", e);
        }
    }

    // Busy, locked, I/O error, full, read-only, cannot open: the store is there but cannot take this write now.
    private static bool IsUnavailable(SqliteException e) => e.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14;

    public async Task<OnceWrite<T>> AppendOnceAsync<T>(T decision, CancellationToken cancellationToken = default) where T : class
    {
        return await GuardedAsync(() => AppendOnceCoreAsync(decision, cancellationToken));
    }

    private async Task<OnceWrite<T>> AppendOnceCoreAsync<T>(T decision, CancellationToken cancellationToken) where T : class
    {
        var table = SqliteSchema.For<T>();
        if (table.OnceColumn is null) throw new NotSupportedException($"{typeof(T).Name} is not a decision taken once.");
        object?[] values = table.ToValues(decision);
        await using var connection = await OpenAsync(cancellationToken);
        // Not deferred (BEGIN IMMEDIATE): the write lock is taken before the check, so no other writer, in this
        // process or another, can append between the check and the insert. Waiting writers queue on the lock.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.FirstDecisionSql;
        command.Parameters.AddWithValue("$once", values[Array.IndexOf(table.Columns, table.OnceColumn)]);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken)) return new OnceWrite<T>(false, table.Read(reader));
        }
        command.Parameters.Clear();
        command.CommandText = table.InsertSql;
        Bind(table.Columns.Select(c => command.Parameters.Add("$" + c, SqliteType.Text)).ToArray(), values);
        await command.ExecuteNonQueryAsync(cancellationToken);
        long sequence = await SqliteChangeLog.AppendAsync(connection, transaction, typeof(T).Name, 1, [table.KeyOf(values)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OnceWrite<T>(true, decision, sequence);
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

    public async Task<IReadOnlyList<T>> ReadByKeysAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
        where T : class
    {
        var table = SqliteSchema.For<T>();
        var rows = new List<T>(keys.Count);
        if (keys.Count == 0) return rows;
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = table.SelectByKeySql;
        var parameters = table.KeyColumns.Select(c => command.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
        command.Prepare();
        // One prepared point lookup per key on the primary key: a change names at most StoreChange.MaxKeys rows.
        foreach (string key in keys)
        {
            string[] parts = parameters.Length == 1 ? [key] : key.Split('|');
            if (parts.Length != parameters.Length) continue;
            for (int i = 0; i < parts.Length; i++) parameters[i].Value = parts[i];
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add(table.Read(reader));
        }
        return rows;
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

    private static void Bind(SqliteParameter[] parameters, object?[] values)
    {
        for (int c = 0; c < parameters.Length; c++)
        {
            parameters[c].SqliteType = values[c] switch { double => SqliteType.Real, int or long => SqliteType.Integer, _ => SqliteType.Text };
            parameters[c].Value = values[c] ?? DBNull.Value;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        _identity.EnsureExists();
        return await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
    }
}
