using System.ComponentModel.DataAnnotations;

namespace RiskGraph.Api.Replication;

/// <summary>The section RiskGraph:Replication: how replicas sharing one store and registry split the analytics work.</summary>
public sealed class ReplicationOptions
{
    public const string SectionName = "RiskGraph:Replication";

    /// <summary>A readable name for this replica in /health and the lease (a random suffix is added).</summary>
    public string? ReplicaId { get; set; }

    /// <summary>
    /// Elect one refresher through a lease in the store: it computes the whole-graph analytics and publishes them in the
    /// registry; the others load them. Off by default, where every process computes its own.
    /// </summary>
    public bool AnalyticsLease { get; set; }

    /// <summary>How long the lease lasts unless renewed (renewed every third of it): a dead holder is replaced within about this.</summary>
    [Range(2, 600)]
    public int LeaseSeconds { get; set; } = 15;

    /// <summary>How long a replica waits for the holder to publish a snapshot's analytics before computing them itself.</summary>
    [Range(1, 3600)]
    public int WaitForPublishedSeconds { get; set; } = 120;

    /// <summary>Published analytics snapshots kept in the registry (the newest); older ones are deleted by the holder.</summary>
    [Range(1, 100)]
    public int KeepSnapshots { get; set; } = 3;
}
