using Microsoft.Extensions.Options;
using RiskGraph.Api.Options;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Services;

/// <summary>
/// Follows the store's change feed: every ChangePollMilliseconds it compares the store's latest sequence with the
/// served one and reloads when the store has moved on — a CLI import, another API process, on either kind of
/// store. Replaces watching the SQLite files' timestamps, which saw nothing under Neo4j.
/// </summary>
public sealed class ChangeFeedFollower(
    WarningService service, IGraphStore store, ApiMetrics metrics, IOptions<RiskGraphOptions> options, ILogger<ChangeFeedFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.ChangePollMilliseconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // The store's latest sequence feeds the change-feed lag metric (latest minus served).
                metrics.LatestSequence = await store.LatestSequenceAsync(stoppingToken);
                if (service.Snapshot is not null && await service.StoreChangedSinceLoadAsync(stoppingToken)) await service.LoadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store is unreachable for now: serving goes on from the last state; health shows the store check.
                logger.LogWarning("The change feed could not be read: {Message}", e.Message);
            }
        }
    }
}
