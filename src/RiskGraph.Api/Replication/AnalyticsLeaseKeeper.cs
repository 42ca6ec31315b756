namespace RiskGraph.Api.Replication;

/// <summary>
/// Ties the analytics lease to the host's life: renewing starts with the host (if the first load has not started it
/// already), and a normal stop releases the lease at once so another replica need not wait for it to expire.
/// A holder that dies without stopping loses it within the time-to-live.
/// </summary>
public sealed class AnalyticsLeaseKeeper(LeasedAnalyticsCoordinator coordinator, ILogger<AnalyticsLeaseKeeper> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        coordinator.StartRenewing();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await coordinator.StopAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Releasing the analytics lease failed: {Message}; it expires by itself", e.Message);
        }
    }
}
