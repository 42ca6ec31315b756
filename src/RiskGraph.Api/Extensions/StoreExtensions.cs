using Microsoft.Extensions.Options;
using RiskGraph.Api.Options;
using RiskGraph.Model;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Neo4j;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Api.Extensions;

public static class StoreExtensions
{
    /// <summary>
    /// The options of section RiskGraph (home folder, store kind), validated at start-up; the home folder and the
    /// graph store: the embedded SQLite store inside the home unless Store is neo4j, which reads the Neo4j section
    /// (Neo4j:Url, Neo4j:Database, Neo4j:User, Neo4j:Password), or the NEO4J_* environment variables when it names no URL.
    /// RISKGRAPH_HOME and RISKGRAPH_STORE, which the CLI reads, fill in what the configuration leaves out.
    /// </summary>
    public static IServiceCollection AddRiskGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RiskGraphOptions>().Bind(configuration.GetSection(RiskGraphOptions.SectionName))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(configuration[$"{RiskGraphOptions.SectionName}:Store"])
                    && Environment.GetEnvironmentVariable("RISKGRAPH_STORE") is { Length: > 0 } kind)
                    options.Store = Enum.TryParse<StoreKind>(kind, ignoreCase: true, out var parsed) ? parsed
                        : throw new OptionsValidationException(nameof(RiskGraphOptions), typeof(RiskGraphOptions),
                            [$"RISKGRAPH_STORE is '{kind}'; expected embedded or neo4j."]);
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RiskGraphOptions>>().Value is var o && o.Home is { Length: > 0 } configured
            ? new RiskGraphHome(configured, o.ModelRegistryPath ?? Environment.GetEnvironmentVariable(RiskGraphHome.RegistryEnvironmentVariable))
            : o.ModelRegistryPath is { Length: > 0 } registry ? new RiskGraphHome(RiskGraphHome.FromEnvironment().Root, registry) : RiskGraphHome.FromEnvironment());
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<IOptions<RiskGraphOptions>>().Value.Store switch
        {
            StoreKind.Neo4j => new Neo4jGraphStore(Neo4jOptionsFrom(configuration)),
            _ => new SqliteGraphStore(sp.GetRequiredService<RiskGraphHome>().EnsureExists().StorePath),
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
