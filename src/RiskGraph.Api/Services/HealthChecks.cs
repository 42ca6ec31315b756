using Microsoft.Extensions.Diagnostics.HealthChecks;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Api.Services;

/// <summary>The store answers a count; when it does not, warnings still come from the last snapshot, so this is degraded, not down.</summary>
public sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    // "embedded" or "neo4j", as configuration names them.
    private string KindName => store.Kind.ToString().ToLowerInvariant();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            if (store is SqliteGraphStore embedded) await embedded.VerifyFileAsync(timeout.Token);
            long enterprises = await store.CountAsync<Enterprise>(timeout.Token);
            var data = new Dictionary<string, object> { ["kind"] = KindName, ["enterprises"] = enterprises };
            // Nothing to warn about is not the same as nothing wrong: an empty store serves no warnings.
            return enterprises == 0
                ? HealthCheckResult.Degraded($"{KindName} store is empty: import data (the import verb or POST /api/enterprises)", data: data)
                : HealthCheckResult.Healthy($"{KindName} store reachable", data);
        }
        catch (StoreLostException e)
        {
            return HealthCheckResult.Unhealthy(e.Message, data: new Dictionary<string, object> { ["kind"] = KindName });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"{KindName} store unreachable: {e.Message}; serving warnings from the last snapshot",
                data: new Dictionary<string, object> { ["kind"] = KindName });
        }
    }
}

/// <summary>Whether a model and snapshot are loaded, and which.</summary>
public sealed class ModelHealthCheck(WarningService service) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (service.Current is not { } scored) return Task.FromResult(HealthCheckResult.Degraded(service.Problem ?? "No model loaded."));
        var data = new Dictionary<string, object>
        {
            ["model_version"] = scored.ModelVersion,
            ["enterprises"] = scored.Snapshot.EnterpriseCount,
            ["as_of"] = scored.Snapshot.AsOf.ToString("yyyy-MM-dd"),
            ["data_sequence"] = service.Sequence,
            ["data_as_of"] = service.State.Data.At.ToString("O"),
            ["analytics_sequence"] = service.State.AnalyticsAsOf.Sequence,
            ["analytics_as_of"] = service.State.AnalyticsAsOf.At.ToString("O"),
            ["rebuild_pending"] = service.RebuildPending,
        };
        if (service.RefreshProblem is { } refresh)
            return Task.FromResult(HealthCheckResult.Degraded($"background refresh failing (retried): {refresh}", data: data));
        // A failed reload keeps the last state serving; say so rather than look healthy.
        if (service.Problem is { } problem) return Task.FromResult(HealthCheckResult.Degraded(problem, data: data));
        return Task.FromResult(HealthCheckResult.Healthy($"serving model {scored.ModelVersion}", data));
    }
}
