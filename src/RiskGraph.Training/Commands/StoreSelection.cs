using System.CommandLine;
using RiskGraph.Model;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Neo4j;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Training.Commands;

/// <summary>The --store option shared by the verbs that read or write the store.</summary>
internal static class StoreSelection
{
    public static Option<string> Option() => new("--store")
    {
        Description = "Which store to use: embedded (SQLite under RISKGRAPH_HOME, the default) or neo4j (NEO4J_URL, NEO4J_DATABASE, NEO4J_USER, NEO4J_PASSWORD).",
        DefaultValueFactory = _ => "embedded",
    };

    /// <summary>Opens the store with its schema created or brought up to date, so every verb can read and write it.</summary>
    public static async Task<IGraphStore> OpenAsync(string kind, RiskGraphHome home, CancellationToken cancellationToken)
    {
        var store = Open(kind, home);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    /// <summary>Whether the store holds at least one enterprise (reads one row, not the table).</summary>
    public static async Task<bool> HoldsEnterprisesAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        await foreach (var _ in store.ReadAllAsync<RiskGraph.Model.Domain.Enterprise>(cancellationToken)) return true;
        return false;
    }

    private static IGraphStore Open(string kind, RiskGraphHome home) => kind switch
    {
        "embedded" => new SqliteGraphStore(home.EnsureExists().StorePath),
        "neo4j" => new Neo4jGraphStore(Neo4jOptions.FromEnvironment()),
        _ => throw new ArgumentException($"Unknown store '{kind}'; expected embedded or neo4j."),
    };
}
