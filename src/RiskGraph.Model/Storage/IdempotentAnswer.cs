namespace RiskGraph.Model.Storage;

/// <summary>
/// The first answer to a write sent with an <c>Idempotency-Key</c>: kept in the store, so a retry reaching any API
/// process, or the same one after a restart, gets that answer instead of writing again.
/// </summary>
/// <param name="Id">A hash of the principal and the key: keys of different callers never meet.</param>
public sealed record IdempotentAnswer(string Id, string Method, string Path, int Status, string Body, DateTimeOffset At);
