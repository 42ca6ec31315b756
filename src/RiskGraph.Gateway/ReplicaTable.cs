using System.Collections.Concurrent;

namespace RiskGraph.Gateway;

/// <summary>
/// What the gateway knows and did, for GET /gateway/status: each replica's last probe, and counts of requests
/// forwarded, retried on another replica, and failed without a retry (not idempotent, or the answer had begun).
/// </summary>
public sealed class ReplicaTable
{
    private readonly ConcurrentDictionary<string, ReplicaStatus> _replicas = new(StringComparer.Ordinal);
    private long _forwarded, _retried, _failedUnretried, _failedAfterRetries;

    public void Record(string destination, ReplicaProbe probe, bool healthy) =>
        _replicas[destination] = new ReplicaStatus(destination, healthy, probe.State, probe.Sequence, probe.ModelVersion, probe.Reason, DateTimeOffset.UtcNow);

    public void Forwarded() => Interlocked.Increment(ref _forwarded);

    public void Retried() => Interlocked.Increment(ref _retried);

    public void FailedUnretried() => Interlocked.Increment(ref _failedUnretried);

    public void FailedAfterRetries() => Interlocked.Increment(ref _failedAfterRetries);

    public GatewayStatus Snapshot() => new(
        _replicas.Values.OrderBy(r => r.Destination, StringComparer.Ordinal).ToArray(),
        Interlocked.Read(ref _forwarded), Interlocked.Read(ref _retried), Interlocked.Read(ref _failedUnretried), Interlocked.Read(ref _failedAfterRetries));
}

public sealed record ReplicaStatus(
    string Destination, bool Healthy, string? State, long? DataSequence, string? ModelVersion, string? Reason, DateTimeOffset ProbedAt);

/// <param name="FailedUnretried">Failures the gateway could not retry: a request that is not idempotent, or whose answer had already begun.</param>
/// <param name="FailedAfterRetries">Idempotent requests that failed on every replica tried.</param>
public sealed record GatewayStatus(IReadOnlyList<ReplicaStatus> Replicas, long Forwarded, long Retried, long FailedUnretried, long FailedAfterRetries);
