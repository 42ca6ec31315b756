namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// An explicit transaction on the HTTP endpoint. The server expires it after 60 s without a request, so callers
/// send their work back to back. Disposing without <see cref="CommitAsync"/> rolls it back.
/// </summary>
public sealed class Neo4jTransaction : IAsyncDisposable
{
    private readonly Neo4jHttpClient _client;
    private bool _finished;

    internal Neo4jTransaction(Neo4jHttpClient client, string url)
    {
        _client = client;
        Url = url;
    }

    /// <summary>The transaction's own URL, e.g. http://127.0.0.1:7474/db/data/transaction/14.</summary>
    public string Url { get; }

    /// <summary>
    /// Runs statements in the transaction. A <see cref="Neo4jException"/> from the server means the whole
    /// transaction is gone (Neo4j rolls back on any error): start again with a new one.
    /// </summary>
    public Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<Neo4jStatement> statements, CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        return _client.SendInTransactionAsync(HttpMethod.Post, Url, statements, _client.MaxRetries, cancellationToken);
    }

    /// <summary>
    /// Commits, optionally running last statements first. If the answer is lost (the connection drops after the
    /// server committed) the retry finds no transaction and this throws although the work is stored; the store's
    /// writes are idempotent, so running them again is the remedy in either case.
    /// </summary>
    public async Task<IReadOnlyList<Neo4jResult>> CommitAsync(IReadOnlyList<Neo4jStatement>? statements = null, CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        var results = await _client.SendInTransactionAsync(HttpMethod.Post, Url + "/commit", statements ?? [], _client.MaxRetries, cancellationToken);
        _finished = true;
        return results;
    }

    /// <summary>
    /// Rolls back (DELETE). One attempt only: a transaction the server no longer knows is rolled back already,
    /// and one on an unreachable server dies with its 60 s expiry, so waiting through retries buys nothing.
    /// </summary>
    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        if (_finished) return;
        _finished = true;
        try
        {
            await _client.SendInTransactionAsync(HttpMethod.Delete, Url, null, 0, cancellationToken);
        }
        catch (Neo4jException e) when (e.IsTransactionGone)
        {
            // Already rolled back by the server (after an error, an expiry or a restart): the outcome we wanted.
        }
    }

    private void ThrowIfFinished()
    {
        if (_finished) throw new InvalidOperationException($"The transaction {Url} is already committed or rolled back.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
        try
        {
            await RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is Neo4jException or HttpRequestException or IOException or OperationCanceledException)
        {
            // Best effort while another exception is usually on its way out; the server expires the transaction anyway.
        }
    }
}
