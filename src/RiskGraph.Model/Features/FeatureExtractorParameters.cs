using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Model.Algorithms.Traversal;

namespace RiskGraph.Model.Features;

/// <param name="HubFanOutCap">
/// A node with more relations than this is counted as a neighbour but not expanded into the second hop, so that
/// nominee persons and big banks do not make every enterprise look exposed to everything.
/// </param>
/// <param name="LocalityOrder">
/// Walk neighbourhoods, and run the whole-graph analytics, on a locality-ordered copy of the graph
/// (<see cref="Graph.NodeOrdering"/>, built once per extraction): the same features, read from nearby memory.
/// </param>
public sealed record FeatureExtractorParameters(int HubFanOutCap = 64, int Concurrency = AnalyticsConcurrency.Auto, bool LocalityOrder = true)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HubFanOutCap, 1, nameof(HubFanOutCap));
        NodeBatches.CheckConcurrency(Concurrency);
    }
}
