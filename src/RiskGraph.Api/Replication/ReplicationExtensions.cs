using Microsoft.Extensions.Options;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Replication;

public static class ReplicationExtensions
{
    /// <summary>
    /// The replica's identity, its health entry and where analytics come from: computed by every process, or with
    /// RiskGraph:Replication:AnalyticsLease by the one lease holder and loaded by the others.
    /// </summary>
    public static IServiceCollection AddRiskGraphReplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReplicationOptions>().Bind(configuration.GetSection(ReplicationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => ReplicaIdentity.Create(sp.GetRequiredService<IOptions<ReplicationOptions>>().Value.ReplicaId));
        bool leased = configuration.GetSection(ReplicationOptions.SectionName).GetValue<bool>(nameof(ReplicationOptions.AnalyticsLease));
        if (leased)
        {
            services.AddSingleton(sp => new LeasedAnalyticsCoordinator(
                sp.GetRequiredService<ReplicaIdentity>(),
                sp.GetRequiredService<IGraphStore>() as IStoreLeases ?? throw new InvalidOperationException("This store keeps no leases."),
                sp.GetRequiredService<RiskGraph.Model.RiskGraphHome>(),
                sp.GetRequiredService<IOptions<ReplicationOptions>>(),
                sp.GetRequiredService<ILogger<LeasedAnalyticsCoordinator>>()));
            services.AddSingleton<IAnalyticsCoordinator>(sp => sp.GetRequiredService<LeasedAnalyticsCoordinator>());
            services.AddHostedService<AnalyticsLeaseKeeper>();
        }
        else
        {
            services.AddSingleton<IAnalyticsCoordinator, LocalAnalyticsCoordinator>();
        }
        services.AddHealthChecks().AddCheck<ReplicaHealthCheck>("replica");
        return services;
    }
}
