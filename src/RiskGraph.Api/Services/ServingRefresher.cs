using Microsoft.Extensions.Options;
using RiskGraph.Api.Options;

namespace RiskGraph.Api.Services;

/// <summary>
/// Rebuilds the served state in the background when it is due (<see cref="WarningService.RefreshDue"/>): after a
/// structural change, a new day, RefreshAfterChanges changes applied in place or RefreshAfterSeconds. Requests keep
/// being answered from the last state meanwhile; a failure shows on /health and is retried with a growing pause.
/// </summary>
public sealed class ServingRefresher(WarningService service, IOptions<RiskGraphOptions> options, ILogger<ServingRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.ChangePollMilliseconds);
        var pause = poll;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(pause, stoppingToken);
            if (service.Snapshot is null || !service.RefreshDue) continue;
            var started = System.Diagnostics.Stopwatch.StartNew();
            await service.RefreshAsync(stoppingToken);
            if (service.RefreshProblem is null)
            {
                logger.LogInformation("Background refresh done in {Seconds:F1} s at sequence {Sequence}", started.Elapsed.TotalSeconds, service.Sequence);
                pause = poll;
            }
            else
            {
                pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, Math.Max(pause.Ticks * 2, TimeSpan.FromSeconds(1).Ticks)));
                logger.LogWarning("Background refresh failed, retrying in {Pause}: {Problem}", pause, service.RefreshProblem);
            }
        }
    }
}
