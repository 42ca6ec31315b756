using Microsoft.Extensions.Options;
using RiskGraph.Api.Options;

namespace RiskGraph.Api.Services;

/// <summary>
/// Follows the store's change feed: every ChangePollMilliseconds it compares the store's latest sequence with the
/// served one and, when the store has moved on — a CLI import, another API process, on either kind of store —
/// applies the changes (in place for credit records; structural ones leave it to <see cref="ServingRefresher"/>).
/// </summary>
public sealed class ChangeFeedFollower(WarningService service, IOptions<RiskGraphOptions> options, ILogger<ChangeFeedFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.ChangePollMilliseconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (service.Snapshot is not null && await service.StoreChangedSinceLoadAsync(stoppingToken)) await service.CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store is unreachable for now: serving goes on from the last state; health shows the store check.
                logger.LogWarning("The change feed could not be read: {Message}", e.Message);
            }
        }
    }
}
