using RiskGraph.Model.Algorithms;

namespace RiskGraph.Model.Features;

/// <param name="HubFanOutCap">
/// A node with more relations than this is counted as a neighbour but not expanded into the second hop, so that
/// nominee persons and big banks do not make every enterprise look exposed to everything.
/// </param>
public sealed record FeatureExtractorParameters(int HubFanOutCap = 64, int Concurrency = AnalyticsConcurrency.Auto)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HubFanOutCap, 1, nameof(HubFanOutCap));
        NodeBatches.CheckConcurrency(Concurrency);
    }
}
