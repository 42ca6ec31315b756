using Microsoft.Extensions.Diagnostics.HealthChecks;
using RiskGraph.Api.Services;

namespace RiskGraph.Api.Replication;

/// <summary>
/// This replica's place among the others, for the gateway and operators: which data sequence, model version and
/// analytics (when, computed here or loaded, by whom) it serves, and whether it is still starting. Degraded while
/// starting or when the last reload failed, so a gateway keeps requests away from it.
/// </summary>
public sealed class ReplicaHealthCheck(WarningService service, ReplicaIdentity replica, IAnalyticsCoordinator coordinator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provenance = coordinator.Last;
        string state = service.Snapshot is null ? "starting" : service.Problem is null ? "serving" : "degraded";
        var data = new Dictionary<string, object>
        {
            ["replica_id"] = replica.Id,
            ["state"] = state,
            ["data_sequence"] = service.Sequence,
            // Writes reach the data in place at once; the whole-graph analytics follow at the next background refresh.
            ["analytics_sequence"] = service.State.AnalyticsAsOf.Sequence,
            ["model_version"] = (object?)service.Current?.ModelVersion ?? "",
            ["analytics_at"] = provenance?.ComputedAt.ToString("O") ?? "",
            ["analytics_source"] = provenance?.Source ?? "",
            ["analytics_by"] = provenance?.Holder ?? "",
        };
        if (coordinator is LeasedAnalyticsCoordinator leased) data["analytics_lease_holder"] = leased.Lease?.Holder ?? "";
        var result = state == "serving"
            ? HealthCheckResult.Healthy($"replica {replica.Id} serving sequence {service.Sequence}", data)
            : HealthCheckResult.Degraded($"replica {replica.Id} {state}", data: data);
        return Task.FromResult(result);
    }
}
