using System.ComponentModel.DataAnnotations;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Options;

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

    /// <summary>
    /// A model registry folder shared by every replica (default RISKGRAPH_MODEL_REGISTRY, else {home}/models): a model
    /// activated through any replica is served by all within <see cref="ModelPollSeconds"/>.
    /// </summary>
    public string? ModelRegistryPath { get; set; }

    /// <summary>How often the active model is checked for a change made elsewhere (seconds).</summary>
    [Range(1, 3600)]
    public int ModelPollSeconds { get; set; } = 10;

    /// <summary>How often the store's change feed is polled (milliseconds): writes made elsewhere show within about this.</summary>
    [Range(50, 60_000)]
    public int ChangePollMilliseconds { get; set; } = 1000;

    /// <summary>Threads for the whole-graph analytics; 0 (the default) uses every processor. Results are the same for any value.</summary>
    [Range(0, 1024)]
    public int AnalyticsConcurrency { get; set; }

    /// <summary>The background refresh of the whole-graph analytics runs after this many changes applied in place…</summary>
    [Range(1, int.MaxValue)]
    public int RefreshAfterChanges { get; set; } = 1000;

    /// <summary>…or this many seconds after the last refresh when anything changed, whichever comes first.</summary>
    [Range(1, 86_400)]
    public int RefreshAfterSeconds { get; set; } = 300;
}
