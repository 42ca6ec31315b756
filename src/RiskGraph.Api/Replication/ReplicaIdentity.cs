namespace RiskGraph.Api.Replication;

/// <summary>
/// This process among the replicas: RiskGraph:Replication:ReplicaId (or host and process id) plus a random suffix,
/// so a restarted replica is a new lease holder and never mistakes a lease of its previous life for its own.
/// </summary>
public sealed class ReplicaIdentity(string id)
{
    public string Id { get; } = id;

    public static ReplicaIdentity Create(string? configured) =>
        new($"{(configured is { Length: > 0 } ? configured : $"{Environment.MachineName}-{Environment.ProcessId}")}-{Guid.NewGuid().ToString("N")[..8]}");
}
