using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Storage;

/// <summary>
/// The system of record for enterprises, persons, their relations and credit records.
/// The embedded SQLite store is the default; a Neo4j store implements the same contract.
/// Rows are identified by their natural keys, so writing a row again replaces it (imports are idempotent).
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    StoreKind Kind { get; }

    /// <summary>Creates the schema (tables, constraints, indexes) when missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or replaces <paramref name="rows"/> (one of the domain record types) in one transaction:
    /// either every row is stored or, on any failure, none is. The same transaction appends one entry to the change
    /// feed; its sequence number is returned (for no rows, the latest sequence, and nothing is appended).
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store is busy, locked or unreachable; nothing was stored.</exception>
    Task<long> UpsertAsync<T>(IReadOnlyList<T> rows, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>
    /// Writes several record types in one transaction, each as <see cref="UpsertAsync{T}"/> would (one change-feed entry
    /// per type): all rows are stored or none. Returns the last sequence (the latest one when every set is empty).
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store is busy, locked or unreachable; nothing was stored.</exception>
    Task<long> UpsertManyAsync(IReadOnlyList<RowSet> sets, CancellationToken cancellationToken = default);

    /// <summary>The sequence number of the last committed write, 0 for a store never written.</summary>
    Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>Committed writes after <paramref name="since"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoreChange>> ReadChangesAsync(long since, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends a decision that can be taken once: a <see cref="CreditRepair"/> (once per record) or an
    /// <see cref="ObjectionOutcome"/> (once per objection). The check and the write are one transaction that the
    /// store serializes with every other, so of any number of concurrent attempts exactly one is appended and the
    /// others get the decision stored first. An append is numbered in the change feed like any write. <see cref="UpsertAsync{T}"/> stays the replace-by-key path of imports.
    /// </summary>
    Task<OnceWrite<T>> AppendOnceAsync<T>(T decision, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Every stored row of type <typeparamref name="T"/>, ordered by its key.</summary>
    IAsyncEnumerable<T> ReadAllAsync<T>(CancellationToken cancellationToken = default) where T : class;

    Task<long> CountAsync<T>(CancellationToken cancellationToken = default) where T : class;

    /// <summary>
    /// The stored rows of type <typeparamref name="T"/> with these natural keys, as the change feed names them
    /// (<see cref="StoreChange.Keys"/>); keys not stored are left out. This is how a follower applies a change without
    /// reading everything again.
    /// </summary>
    Task<IReadOnlyList<T>> ReadByKeysAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) where T : class;

    Task<Enterprise?> FindEnterpriseAsync(string uscc, CancellationToken cancellationToken = default);

    /// <summary>Enterprises and persons within <paramref name="depth"/> hops, at most <paramref name="maxNodes"/> nodes.</summary>
    Task<NetworkView> GetNetworkAsync(string uscc, int depth, int maxNodes, CancellationToken cancellationToken = default);
}
