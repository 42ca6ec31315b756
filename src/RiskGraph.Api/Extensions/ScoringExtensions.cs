using RiskGraph.Api.Services;

namespace RiskGraph.Api.Extensions;

public static class ScoringExtensions
{
    /// <summary>The warning service, loaded with the store's snapshot and the active model before requests are served.</summary>
    public static IServiceCollection AddRiskGraphScoring(this IServiceCollection services)
    {
        services.AddSingleton<WarningService>();
        services.AddHostedService<WarningServiceLoader>();
        services.AddHostedService<ActiveModelWatcher>();
        services.AddHostedService<ChangeFeedFollower>();
        services.AddHostedService<ServingRefresher>();
        return services;
    }
}
