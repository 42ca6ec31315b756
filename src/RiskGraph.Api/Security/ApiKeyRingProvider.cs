using Microsoft.Extensions.Options;
using RiskGraph.Api.Options;
using RiskGraph.Model.Security;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Security;

/// <summary>
/// Keeps the current set of API keys: read from the store at start and again every KeyRefreshSeconds, so a key
/// created or revoked by the CLI or another API process takes effect here without a restart. When the store cannot
/// be read the last ring stays in force.
/// </summary>
public sealed class ApiKeyRingProvider(IGraphStore store, IOptions<AuthOptions> options, ILogger<ApiKeyRingProvider> logger) : BackgroundService
{
    private volatile ApiKeyRing _ring = ApiKeyRing.Empty;

    public ApiKeyRing Current => _ring;

    public DateTimeOffset? LoadedAt { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.KeyRefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken)) await RefreshAsync(stoppingToken);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
            _ring = new ApiKeyRing(await ApiKeyAdministration.ListAsync(store, cancellationToken));
            LoadedAt = DateTimeOffset.UtcNow;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("API keys could not be re-read from the store; the {Count} keys read before stay in force: {Message}", _ring.Count, e.Message);
        }
    }
}
