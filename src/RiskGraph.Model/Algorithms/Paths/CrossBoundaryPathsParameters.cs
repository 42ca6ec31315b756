using RiskGraph.Model.Algorithms.Common;

namespace RiskGraph.Model.Algorithms.Paths;

/// <param name="MaxDepth">
/// Longest path searched, in relations; 1 to 4. The all-enterprises counts cost roughly (average degree)^depth
/// per enterprise, so features usually take 2 or 3.
/// </param>
/// <param name="HubFanOutCap">Nodes (other than the source) with more edge slots than this are reached but not expanded; at least 1.</param>
/// <param name="MaxPaths">Paths returned by a single query, nearest first (counts are never capped); at least 1.</param>
/// <param name="Concurrency">Threads for the all-enterprises counts; 0 (the default) means one per processor.</param>
public sealed record CrossBoundaryPathsParameters(int MaxDepth = 4, int HubFanOutCap = 64, int MaxPaths = 50, int Concurrency = AnalyticsConcurrency.Auto)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public const int DepthLimit = 4;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, DepthLimit, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(HubFanOutCap, 1, nameof(HubFanOutCap));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPaths, 1, nameof(MaxPaths));
        NodeBatches.CheckConcurrency(Concurrency);
    }
}
