using RiskGraph.Api.Services;

namespace RiskGraph.Api.Extensions;

public static class HealthExtensions
{
    public static IServiceCollection AddRiskGraphHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store").AddCheck<ModelHealthCheck>("model");
        return services;
    }
}
