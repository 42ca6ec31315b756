namespace RiskGraph.Api.Services;

/// <summary>Loads the snapshot and model at start-up, before the server accepts requests.</summary>
public sealed class WarningServiceLoader(WarningService service) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => service.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
