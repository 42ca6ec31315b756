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

    private sealed class Typed<T>(IReadOnlyList<T> rows) : RowSet where T : class
    {
        public override int Count => rows.Count;

        internal override Task<long> WriteWithAsync(IRowSetWriter writer, CancellationToken cancellationToken) => writer.WriteAsync(rows, cancellationToken);
    }
}

/// <summary>A store's writer inside one open transaction; returns the change-feed sequence of the rows written.</summary>
internal interface IRowSetWriter
{
    Task<long> WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class;
}
