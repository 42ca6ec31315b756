using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// Leases on Neo4j: one :StoreLease node per name (unique, see <see cref="Neo4jSchema"/>). The statement first writes
/// the node, which takes its write lock, and only then reads holder and expiry, so a concurrent caller waits for the
/// lock and sees the committed winner instead of both deciding on the same old value. Times are Unix milliseconds.
/// </summary>
public sealed partial class Neo4jGraphStore : IStoreLeases
{
    private const string AcquireCypher = """
        MERGE (l:StoreLease {name: $name})
        ON CREATE SET l.holder = $holder, l.expires_at = $expires
        SET l.locked = true
        WITH l, (l.holder = $holder OR l.expires_at <= $now) AS free
        SET l.holder = CASE WHEN free THEN $holder ELSE l.holder END,
            l.expires_at = CASE WHEN free THEN $expires ELSE l.expires_at END
        REMOVE l.locked
        RETURN l.holder, l.expires_at
        """;

    public async Task<StoreLease> TryAcquireLeaseAsync(string name, string holder, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var now = DateTimeOffset.UtcNow;
        var parameters = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["holder"] = holder,
            ["expires"] = (now + timeToLive).ToUnixTimeMilliseconds(),
            ["now"] = now.ToUnixTimeMilliseconds(),
        };
        try
        {
            var result = await _client.RunAsync(new Neo4jStatement(AcquireCypher, parameters), cancellationToken);
            var row = result.Rows.Count == 1 ? result.Rows[0] : throw new InvalidDataException($"Lease {name} was not stored.");
            return new StoreLease(name, Text(row[0]), DateTimeOffset.FromUnixTimeMilliseconds(Integer(row[1])));
        }
        catch (Neo4jException e) when (e.Code is Neo4jException.UnavailableCode or Neo4jException.TimeoutCode || e.IsTransient)
        {
            throw new StoreUnavailableException($"The Neo4j store cannot be reached now ({e.Message.TrimEnd('.')}); the lease was not taken.", e);
        }
    }

    public async Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default) =>
        await _client.RunAsync(new Neo4jStatement(
            "MATCH (l:StoreLease {name: $name}) WHERE l.holder = $holder DELETE l",
            new Dictionary<string, object?> { ["name"] = name, ["holder"] = holder }), cancellationToken);
}
