using System.ComponentModel.DataAnnotations;

namespace RiskGraph.Api.Options;

/// <summary>Which graph store the API reads and writes.</summary>
public enum StoreKind
{
    /// <summary>SQLite inside the home folder: nothing to install.</summary>
    Embedded,

    /// <summary>Neo4j over its HTTP Cypher endpoint (section Neo4j, or the NEO4J_* variables).</summary>
    Neo4j,
}

/// <summary>
/// The section RiskGraph: where the home folder is and which store to use. The environment variables the CLI reads
/// (RISKGRAPH_HOME, RISKGRAPH_STORE) fill in what the configuration leaves empty, so the CLI and the API agree.
/// </summary>
public sealed class RiskGraphOptions
{
    public const string SectionName = "RiskGraph";

    /// <summary>The home folder; default RISKGRAPH_HOME or ./.riskgraph.</summary>
    public string? Home { get; set; }

    public StoreKind Store { get; set; } = StoreKind.Embedded;

    /// <summary>How often the active model is checked for a change made elsewhere (seconds).</summary>
    [Range(1, 3600)]
    public int ModelPollSeconds { get; set; } = 10;
}
