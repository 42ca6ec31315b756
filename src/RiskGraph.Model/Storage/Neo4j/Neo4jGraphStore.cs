using System.Runtime.CompilerServices;
using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// The graph store on a Neo4j server (3.1 and later) over its HTTP endpoint. Behaves like the embedded store:
/// every upsert is one transaction, reads are ordered by the same keys, and the network query is cut by the
/// same <see cref="NetworkCollector"/>, so both stores give identical snapshots and views of the same data.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    private readonly Neo4jOptions _options;
    private readonly Neo4jHttpClient _client;

    public Neo4jGraphStore(Neo4jOptions options, HttpMessageHandler? handler = null)
    {
        _client = new Neo4jHttpClient(options, handler);
        _options = options.Clone();
    }

    public StoreKind Kind => StoreKind.Neo4j;

    /// <summary>The underlying client, for tests and tools that need raw Cypher.</summary>
    internal Neo4jHttpClient Client => _client;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _client.ConnectAsync(cancellationToken);
        foreach (string statement in Neo4jSchema.Statements(_client.ServerVersion))
        {
            try
            {
                await _client.RunAsync(new Neo4jStatement(statement), cancellationToken);
            }
            catch (Neo4jException e) when (Neo4jSchema.AlreadyExists(e))
            {
                // Present already: nothing to do.
            }
        }
    }

    /// <summary>
    /// Writes all <paramref name="rows"/> in one explicit transaction, <see cref="Neo4jOptions.BatchSize"/> rows per
    /// request, sent back to back so the server's 60 s idle expiry is never reached. Any failure rolls the whole
    /// transaction back before the exception leaves, so nothing of this call is stored.
    /// </summary>
    public async Task<long> UpsertAsync<T>(IReadOnlyList<T> rows, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var mapping = Neo4jMappings.For<T>();
        if (rows.Count == 0)
        {
            progress?.Report(0);
            return await LatestSequenceAsync(cancellationToken);
        }
        var unique = LastPerKey(mapping, rows);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                long sequence = await WriteInOneTransactionAsync(mapping, unique, progress, cancellationToken);
                // Reported once committed, in the caller's terms (duplicates included), as the embedded store does.
                progress?.Report(rows.Count);
                return sequence;
            }
            catch (Neo4jException e) when (e.IsTransient && attempt < _options.MaxRetries)
            {
                // The server rolled the transaction back for a passing reason (deadlock, lock timeout). The rows are
                // in memory and every write is idempotent, so the whole transaction is simply done again.
                await Task.Delay(_client.RetryDelay(attempt + 1), cancellationToken);
            }
            catch (Neo4jException e) when (e.Code is Neo4jException.UnavailableCode or Neo4jException.TimeoutCode || e.IsTransient)
            {
                throw new StoreUnavailableException($"The Neo4j store cannot be written now ({e.Message.TrimEnd('.')}); nothing was stored.", e);
            }
        }
    }

    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(Neo4jChangeFeed.Latest, cancellationToken);
        return result.Rows.Count == 0 ? 0 : Neo4jJson.Integer(result.Rows[0][0]);
    }

    public async Task<IReadOnlyList<StoreChange>> ReadChangesAsync(long since, int limit, CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(Neo4jChangeFeed.Read(since, limit), cancellationToken);
        return result.Rows.Select(Neo4jChangeFeed.ReadRow).ToArray();

    }

    /// <summary>
    /// One autocommit request with two statements: the conditional write, then the read of whichever decision
    /// won. The client retries it whole on transient failures (deadlock detection among the waiting MERGEs).
    /// </summary>
    public async Task<OnceWrite<T>> AppendOnceAsync<T>(T decision, CancellationToken cancellationToken = default) where T : class
    {
        var mapping = Neo4jMappings.For<T>();
        var (write, read) = Neo4jDecisions.For(decision, Guid.NewGuid().ToString("N"));
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                // One explicit transaction: the decision and, only when it was appended, its change-feed entry commit together.
                await using var transaction = await _client.BeginTransactionAsync(cancellationToken);
                var results = await transaction.RunAsync([write, read], cancellationToken);
                bool appended = results[0].Single().GetBoolean();
                if (results[1].Rows.Count == 0) throw new InvalidDataException($"Neo4j stored no {typeof(T).Name} for this decision.");
                var stored = mapping.ReadRow(results[1].Rows[0]);
                var committed = await transaction.CommitAsync(
                    appended ? [Neo4jChangeFeed.Append(typeof(T).Name, 1, [string.Join('|', mapping.KeyOf(decision))])] : [], cancellationToken);
                long sequence = appended ? Neo4jJson.Integer(committed[0].Rows[0][0]) : 0;
                // A retry after a lost answer finds this request's own decision, already committed: that is an append too.
                return new OnceWrite<T>(appended || stored.Equals(decision), appended ? decision : stored, sequence);
            }
            catch (Neo4jException e) when ((e.IsTransient || e.IsTransactionGone) && attempt < _options.MaxRetries)
            {
                // Concurrent MERGEs on one key can be chosen as deadlock victims, and a transaction left waiting on
                // their locks can expire before its commit: nothing of it was committed, so the decision is taken again.
                await Task.Delay(_client.RetryDelay(attempt + 1), cancellationToken);
            }
        }
    }

    public async IAsyncEnumerable<T> ReadAllAsync<T>([EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        var mapping = Neo4jMappings.For<T>();
        string[]? after = null;
        while (true)
        {
            var page = await _client.RunAsync(mapping.PageStatement(after, _options.BatchSize), cancellationToken);
            T? last = null;
            foreach (var row in page.Rows)
            {
                last = mapping.ReadRow(row);
                yield return last;
            }
            if (last is null || page.Rows.Count < _options.BatchSize) yield break;
            after = mapping.KeyOf(last);
        }
    }

    public async Task<IReadOnlyList<T>> ReadByKeysAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
        where T : class
    {
        var mapping = Neo4jMappings.For<T>();
        var rows = new List<T>(keys.Count);
        for (int start = 0; start < keys.Count; start += _options.BatchSize)
        {
            var batch = keys.Skip(start).Take(_options.BatchSize).ToArray();
            var page = await _client.RunAsync(mapping.ByKeysStatement(batch), cancellationToken);
            foreach (var row in page.Rows) rows.Add(mapping.ReadRow(row));
        }
        return rows;
    }

    public async Task<long> CountAsync<T>(CancellationToken cancellationToken = default) where T : class
    {
        var result = await _client.RunAsync(new Neo4jStatement(Neo4jMappings.For<T>().Count), cancellationToken);
        return Neo4jJson.Integer(result.Single());
    }

    public async Task<Enterprise?> FindEnterpriseAsync(string uscc, CancellationToken cancellationToken = default)
    {
        var mapping = Neo4jMappings.For<Enterprise>();
        var statement = new Neo4jStatement(
            $"MATCH (e:Enterprise {{uscc: $uscc}}) RETURN {string.Join(", ", mapping.Columns)}",
            new Dictionary<string, object?> { ["uscc"] = uscc });
        var result = await _client.RunAsync(statement, cancellationToken);
        return result.Rows.Count == 0 ? null : mapping.ReadRow(result.Rows[0]);
    }

    public async Task<NetworkView> GetNetworkAsync(string uscc, int depth, int maxNodes, CancellationToken cancellationToken = default)
    {
        var enterprise = await FindEnterpriseAsync(uscc, cancellationToken)
            ?? throw new KeyNotFoundException($"No enterprise with USCC {uscc}.");
        var center = new NetworkNode(enterprise.Uscc, "enterprise", enterprise.Name, enterprise.Industry, enterprise.Region, 0);
        return await NetworkCollector.CollectAsync(
            center, depth, maxNodes, (node, ct) => Neo4jNetworkQueries.ExpandAsync(_client, node, ct), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<long> WriteInOneTransactionAsync<T>(
        Neo4jMapping<T> mapping, IReadOnlyList<T> rows, IProgress<int>? progress, CancellationToken cancellationToken)
        where T : class
    {
        // Disposing an uncommitted transaction rolls it back; that happens before any exception leaves this method.
        await using var transaction = await _client.BeginTransactionAsync(cancellationToken);
        await RunRowsAsync(transaction, mapping, rows, progress, cancellationToken);
        // The change entry is written by the commit request itself: it exists exactly when the rows do.
        var committed = await transaction.CommitAsync([ChangeOf(mapping, rows)], cancellationToken);
        return Neo4jJson.Integer(committed[0].Rows[0][0]);
    }

    public async Task<long> UpsertManyAsync(IReadOnlyList<RowSet> sets, CancellationToken cancellationToken = default)
    {
        if (sets.All(s => s.Count == 0)) return await LatestSequenceAsync(cancellationToken);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await using var transaction = await _client.BeginTransactionAsync(cancellationToken);
                var writer = new TransactionWriter(this, transaction);
                long sequence = 0;
                foreach (var set in sets)
                {
                    if (set.Count > 0) sequence = await set.WriteWithAsync(writer, cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken: cancellationToken);
                return sequence;
            }
            catch (Neo4jException e) when (e.IsTransient && attempt < _options.MaxRetries)
            {
                await Task.Delay(_client.RetryDelay(attempt + 1), cancellationToken);
            }
            catch (Neo4jException e) when (e.Code is Neo4jException.UnavailableCode or Neo4jException.TimeoutCode || e.IsTransient)
            {
                throw new StoreUnavailableException($"The Neo4j store cannot be written now ({e.Message.TrimEnd('.')}); nothing was stored.", e);
            }
        }
    }

    // Rows and their change entry inside a transaction that commits several types at once.
    private sealed class TransactionWriter(Neo4jGraphStore store, Neo4jTransaction transaction) : IRowSetWriter
    {
        public async Task<long> WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
        {
            var mapping = Neo4jMappings.For<T>();
            var unique = LastPerKey(mapping, rows);
            await store.RunRowsAsync(transaction, mapping, unique, null, cancellationToken);
            var appended = await transaction.RunAsync([ChangeOf(mapping, unique)], cancellationToken);
            return Neo4jJson.Integer(appended[0].Rows[0][0]);
        }

        public async Task<long> RemoveAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
        {
            var mapping = Neo4jMappings.For<T>();
            if (mapping.Relation is null) throw new NotSupportedException($"{typeof(T).Name} rows are never removed.");
            var keys = rows.Select(r => string.Join('|', mapping.KeyOf(r))).Distinct(StringComparer.Ordinal).ToArray();
            var results = await transaction.RunAsync([mapping.DeleteByKeysStatement(keys), ChangeOf(mapping, rows)], cancellationToken);
            return Neo4jJson.Integer(results[1].Rows[0][0]);
        }
    }

    private static Neo4jStatement ChangeOf<T>(Neo4jMapping<T> mapping, IReadOnlyList<T> rows) where T : class =>
        Neo4jChangeFeed.Append(typeof(T).Name, rows.Count, StoreChange.KeysOf(rows, r => string.Join('|', mapping.KeyOf(r))));

    private async Task RunRowsAsync<T>(
        Neo4jTransaction transaction, Neo4jMapping<T> mapping, IReadOnlyList<T> rows, IProgress<int>? progress, CancellationToken cancellationToken)
        where T : class
    {
        for (int start = 0; start < rows.Count; start += _options.BatchSize)
        {
            int count = Math.Min(_options.BatchSize, rows.Count - start);
            var results = await transaction.RunAsync(mapping.UpsertStatements(rows, start, count), cancellationToken);
            long written = results.Sum(r => Neo4jJson.Integer(r.Rows[0][0]));
            long stubs = results.Sum(r => Neo4jJson.Integer(r.Rows[0][1]));
            if (stubs > 0)
            {
                throw new InvalidDataException(
                    $"{typeof(T).Name} rows {start + 1}-{start + count} refer to {stubs} enterprise(s) or person(s) " +
                    "that are not in the store; nothing of this upsert was stored.");
            }
            if (written != count)
                throw new InvalidDataException($"Neo4j wrote {written} of the {count} {typeof(T).Name} rows {start + 1}-{start + count}; nothing of this upsert was stored.");
            if (start + count < rows.Count) progress?.Report(start + count);
        }
    }

    /// <summary>
    /// Keeps only the last row of each key, which is what the embedded store's INSERT OR REPLACE ends up with.
    /// Sending duplicates in one UNWIND would not always agree: where Neo4j plans an Eager step, all MERGEs run
    /// before all SETs, so a record named twice with two enterprises would lose both ABOUT relationships.
    /// </summary>
    private static IReadOnlyList<T> LastPerKey<T>(Neo4jMapping<T> mapping, IReadOnlyList<T> rows) where T : class
    {
        var seen = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        var kept = new List<T>(rows.Count);
        for (int i = rows.Count - 1; i >= 0; i--)
        {
            if (seen.Add(string.Join('\u001f', mapping.KeyOf(rows[i])))) kept.Add(rows[i]);
        }
        if (kept.Count == rows.Count) return rows;
        kept.Reverse();
        return kept;
    }
}
