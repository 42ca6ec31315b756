using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;

namespace RiskGraph.Api.Replication;

/// <summary>
/// Decides where a snapshot's whole-graph analytics come from: computed here, or loaded from the snapshot another
/// replica published. The serving core asks it once per loaded snapshot and serves whatever it returns.
/// </summary>
public interface IAnalyticsCoordinator
{
    Task<GraphAnalytics> ObtainAsync(GraphSnapshot snapshot, GraphAnalyticsParameters parameters, CancellationToken cancellationToken);

    /// <summary>Where the analytics being served came from, or null before the first snapshot.</summary>
    AnalyticsProvenance? Last { get; }
}

/// <param name="Source">"computed" (here) or "loaded" (published by <paramref name="Holder"/>).</param>
/// <param name="Holder">The replica that computed them.</param>
/// <param name="ComputedAt">When that replica finished computing them.</param>
/// <param name="Fingerprint">The snapshot fingerprint they belong to (<see cref="AnalyticsSnapshotFile.Fingerprint"/>).</param>
public sealed record AnalyticsProvenance(string Source, string Holder, DateTimeOffset ComputedAt, string? Fingerprint);

/// <summary>One process on its own: every replica computes its own analytics (the default without a lease).</summary>
public sealed class LocalAnalyticsCoordinator(ReplicaIdentity replica) : IAnalyticsCoordinator
{
    private volatile AnalyticsProvenance? _last;

    public AnalyticsProvenance? Last => _last;

    public Task<GraphAnalytics> ObtainAsync(GraphSnapshot snapshot, GraphAnalyticsParameters parameters, CancellationToken cancellationToken)
    {
        var analytics = GraphAnalytics.Compute(snapshot, parameters, cancellationToken);
        _last = new AnalyticsProvenance("computed", replica.Id, DateTimeOffset.UtcNow, null);
        return Task.FromResult(analytics);
    }
}
