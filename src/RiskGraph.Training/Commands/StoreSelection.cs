using System.CommandLine;
using RiskGraph.Model;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Training.Commands;

/// <summary>The --store option shared by the verbs that read or write the store.</summary>
internal static class StoreSelection
{
    public static Option<string> Option() => new("--store")
    {
        Description = "Which store to use: embedded (SQLite under RISKGRAPH_HOME, the default).",
        DefaultValueFactory = _ => "embedded",
    };

    public static IGraphStore Open(string kind, RiskGraphHome home) => kind switch
    {
        "embedded" => new SqliteGraphStore(home.EnsureExists().StorePath),
        _ => throw new ArgumentException($"Unknown store '{kind}'; expected embedded."),
    };
}
