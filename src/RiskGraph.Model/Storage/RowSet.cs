namespace RiskGraph.Model.Storage;

/// <summary>
/// Rows of one domain record type, for <see cref="IGraphStore.UpsertManyAsync"/>: several types written in one
/// transaction. The store's generic writer is reached through <see cref="WriteWithAsync"/>, so each store keeps its
/// per-type mapping without a switch on types.
/// </summary>
public abstract class RowSet
{
    public abstract int Count { get; }

    internal abstract Task<long> WriteWithAsync(IRowSetWriter writer, CancellationToken cancellationToken);

    public static RowSet Of<T>(IReadOnlyList<T> rows) where T : class => new Typed<T>(rows);

    /// <summary>
    /// Rows to remove, found by their natural keys (other fields are ignored): only relations can be removed, since
    /// records of credit history are withdrawn by repairs and objections, never deleted. A key not stored is no error.
    /// </summary>
    public static RowSet Removing<T>(IReadOnlyList<T> rows) where T : class => new Removed<T>(rows);

    private sealed class Typed<T>(IReadOnlyList<T> rows) : RowSet where T : class
    {
        public override int Count => rows.Count;

        internal override Task<long> WriteWithAsync(IRowSetWriter writer, CancellationToken cancellationToken) => writer.WriteAsync(rows, cancellationToken);
    }

    private sealed class Removed<T>(IReadOnlyList<T> rows) : RowSet where T : class
    {
        public override int Count => rows.Count;

        internal override Task<long> WriteWithAsync(IRowSetWriter writer, CancellationToken cancellationToken) => writer.RemoveAsync(rows, cancellationToken);
    }
}

/// <summary>A store's writer inside one open transaction; returns the change-feed sequence of the rows written or removed.</summary>
internal interface IRowSetWriter
{
    Task<long> WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class;

    Task<long> RemoveAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class;
}
