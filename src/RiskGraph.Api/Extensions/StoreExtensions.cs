using RiskGraph.Model;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Api.Extensions;

public static class StoreExtensions
{
    /// <summary>The home folder (RiskGraph:Home or RISKGRAPH_HOME) and the graph store inside it.</summary>
    public static IServiceCollection AddRiskGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ =>
        {
            string? configured = configuration["RiskGraph:Home"];
            return string.IsNullOrWhiteSpace(configured) ? RiskGraphHome.FromEnvironment() : new RiskGraphHome(configured);
        });
        services.AddSingleton<IGraphStore>(sp => new SqliteGraphStore(sp.GetRequiredService<RiskGraphHome>().EnsureExists().StorePath));
        return services;
    }
}
