using RiskGraph.Model;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Neo4j;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Api.Extensions;

public static class StoreExtensions
{
    /// <summary>
    /// The home folder (RiskGraph:Home or RISKGRAPH_HOME) and the graph store: the embedded SQLite store inside the
    /// home unless RiskGraph:Store (or RISKGRAPH_STORE) is "neo4j", which reads the Neo4j section (Neo4j:Url,
    /// Neo4j:Database, Neo4j:User, Neo4j:Password), or the NEO4J_* environment variables when it names no URL.
    /// </summary>
    public static IServiceCollection AddRiskGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ =>
        {
            string? configured = configuration["RiskGraph:Home"];
            return string.IsNullOrWhiteSpace(configured) ? RiskGraphHome.FromEnvironment() : new RiskGraphHome(configured);
        });
        string kind = configuration["RiskGraph:Store"] ?? Environment.GetEnvironmentVariable("RISKGRAPH_STORE") ?? "embedded";
        services.AddSingleton<IGraphStore>(sp => kind switch
        {
            "embedded" => new SqliteGraphStore(sp.GetRequiredService<RiskGraphHome>().EnsureExists().StorePath),
            "neo4j" => new Neo4jGraphStore(Neo4jOptionsFrom(configuration)),
            _ => throw new InvalidOperationException($"RiskGraph:Store is '{kind}'; expected embedded or neo4j."),
        });
        services.AddExceptionHandler<StoreUnavailableHandler>();
        return services;
    }

    /// <summary>The Neo4j configuration section when it names a URL; otherwise the NEO4J_* environment variables.</summary>
    private static Neo4jOptions Neo4jOptionsFrom(IConfiguration configuration)
    {
        var configured = configuration.GetSection(Neo4jOptions.SectionName).Get<Neo4jOptions>();
        return configured?.Url is { Length: > 0 } ? configured : Neo4jOptions.FromEnvironment(configured);
    }
}
