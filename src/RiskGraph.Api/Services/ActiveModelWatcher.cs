using Microsoft.Extensions.Options;
using RiskGraph.Api.Options;
using RiskGraph.Model;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Services;

/// <summary>
/// Picks up a model promoted outside the API (the retrain verb writes the ACTIVE pointer) without a restart,
/// by comparing the pointer with the served version every RiskGraph:ModelPollSeconds (default 10); also retries
/// loading while no snapshot could be read (a store that was down at start-up).
/// </summary>
public sealed class ActiveModelWatcher(WarningService service, RiskGraphHome home, IOptions<RiskGraphOptions> options, ILogger<ActiveModelWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int seconds = options.Value.ModelPollSeconds;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A store that was down at start-up is retried until a snapshot loads (new records: ChangeFeedFollower).
            if (service.Snapshot is null)
            {
                await service.LoadAsync(stoppingToken);
                continue;
            }
            string? active = new ModelRegistry(home).ActiveVersion();
            if (active is null || active == service.Current?.ModelVersion) continue;
            try
            {
                await service.ActivateAsync(active, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not switch to model {Version}; still serving {Served}", active, service.Current?.ModelVersion);
            }
        }
    }
}
