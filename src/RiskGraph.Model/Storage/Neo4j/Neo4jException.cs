namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// A failure reported by (or about) the Neo4j server. <see cref="Code"/> is the server's status code, e.g.
/// Neo.ClientError.Schema.ConstraintValidationFailed, or one of the RiskGraph.* codes below for failures the
/// server could not report itself.
/// </summary>
public sealed class Neo4jException(string code, string message, Exception? innerException = null)
    : Exception($"{code}: {message}", innerException)
{
    /// <summary>The server could not be reached (or kept dropping the connection) through every retry.</summary>
    public const string UnavailableCode = "RiskGraph.Neo4j.Unavailable";

    /// <summary>A request took longer than <see cref="Neo4jOptions.RequestTimeout"/>.</summary>
    public const string TimeoutCode = "RiskGraph.Neo4j.Timeout";

    /// <summary>The server answered with an HTTP status and no error document.</summary>
    public const string HttpStatusCode = "RiskGraph.Neo4j.HttpStatus";

    /// <summary>The server answered something that is not the documented JSON.</summary>
    public const string ProtocolCode = "RiskGraph.Neo4j.Protocol";

    private const string TransientPrefix = "Neo.TransientError.";

    public string Code { get; } = code;

    /// <summary>The server's own message, without the code.</summary>
    public string ServerMessage { get; } = message;

    /// <summary>
    /// True for Neo.TransientError.* (deadlocks, lock timeouts, a database not yet available): running the same
    /// work again may succeed. Inside an explicit transaction such an error has already rolled the transaction back.
    /// </summary>
    public bool IsTransient => IsTransientCode(Code);

    /// <summary>True when the server reported that the transaction no longer exists (expired, rolled back or lost in a restart).</summary>
    public bool IsTransactionGone => Code == "Neo.ClientError.Transaction.TransactionNotFound" || Code == "Neo.ClientError.Transaction.UnknownId";

    public static bool IsTransientCode(string code) => code.StartsWith(TransientPrefix, StringComparison.Ordinal);
}
