using RiskGraph.Model.Algorithms.Common;

namespace RiskGraph.Model.Algorithms.Communities;

/// <param name="Weighted">
/// Use relation weights (share, amounts) instead of 1 per relation. Amounts dwarf shares and person roles, so
/// the weighted partition is mostly a partition of the supply and guarantee network.
/// </param>
/// <param name="MaxLevels">Aggregation levels at most; at least 1.</param>
/// <param name="MaxIterations">Local-move sweeps over all nodes per level at most; at least 1.</param>
/// <param name="Tolerance">
/// A level stops sweeping, and the algorithm stops adding levels, once modularity improves by less than this;
/// in [0, 1).
/// </param>
/// <param name="Concurrency">Threads to use; 0 (the default) means one per processor.</param>
public sealed record LouvainParameters(
    bool Weighted = false,
    int MaxLevels = 10,
    int MaxIterations = 10,
    double Tolerance = 1e-4,
    int Concurrency = AnalyticsConcurrency.Auto)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLevels, 1, nameof(MaxLevels));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        if (Tolerance is < 0 or >= 1 || double.IsNaN(Tolerance))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be in [0, 1).");
        NodeBatches.CheckConcurrency(Concurrency);
    }
}
