using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using RiskGraph.Api.Options;
using RiskGraph.Model;
using RiskGraph.Model.Monitoring;
using RiskGraph.Model.Serving;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Neo4j;

namespace RiskGraph.Api.Monitoring;

public static class MonitoringExtensions
{
    /// <summary>
    /// Watch lists and their events: the watch store beside the graph store (same SQLite file, or the same Neo4j), the
    /// monitor that derives events from every serving transition, the webhook outbox dispatcher and its HTTP client.
    /// </summary>
    public static IServiceCollection AddRiskGraphMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IWatchStore>(sp => sp.GetRequiredService<IGraphStore>() switch
        {
            Neo4jGraphStore neo4j => new Neo4jWatchStore(neo4j),
            _ => new SqliteWatchStore(sp.GetRequiredService<RiskGraphHome>().EnsureExists().StorePath),
        });
        // Tables first: the monitor and the dispatcher start right after.
        services.AddHostedService<WatchStoreInitializer>();
        services.AddSingleton<WatchFeedSignal>();
        services.AddSingleton<WatchMonitor>();
        services.AddSingleton<IServingStateListener>(sp => sp.GetRequiredService<WatchMonitor>());
        services.AddHostedService(sp => sp.GetRequiredService<WatchMonitor>());
        services.AddSingleton<WebhookTargetPolicy>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddHttpClient(WebhookDispatcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookTargetPolicy>().ConnectAsync,
            })
            .AddResilienceHandler("webhook-retries", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<MonitoringOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.WebhookRetries),
                    ShouldHandle = options.WebhookRetries == 0 ? _ => PredicateResult.False() : new HttpRetryStrategyOptions().ShouldHandle,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromMilliseconds(options.WebhookRetryDelayMilliseconds),
                    UseJitter = true,
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.WebhookTimeoutSeconds));
            });
        return services;
    }
}

/// <summary>Creates the monitoring tables (or constraints) at start-up; a store unreachable then is retried by the first use.</summary>
internal sealed class WatchStoreInitializer(IWatchStore store, ILogger<WatchStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The watch-list store could not be initialised yet: {Message}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
