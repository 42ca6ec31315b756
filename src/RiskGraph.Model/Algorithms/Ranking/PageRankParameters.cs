using RiskGraph.Model.Algorithms.Common;

namespace RiskGraph.Model.Algorithms.Ranking;

/// <param name="DampingFactor">Probability of following an edge rather than jumping; in [0, 1).</param>
/// <param name="MaxIterations">Upper bound on power iterations; at least 1.</param>
/// <param name="Tolerance">Stop when no score moves by more than this; in [0, 1).</param>
/// <param name="Concurrency">Threads to use; 0 (the default) means one per processor.</param>
/// <param name="Weighted">
/// Leave a node along an edge with probability proportional to the edge weight (share, annual amount, guarantee
/// amount, 1 for person roles) instead of uniformly. The weights of different relation types are on different
/// scales, so this suits graphs projected to one type better than the mixed graph.
/// </param>
public sealed record PageRankParameters(
    double DampingFactor = 0.85,
    int MaxIterations = 20,
    double Tolerance = 1e-7,
    int Concurrency = AnalyticsConcurrency.Auto,
    bool Weighted = false)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public void Validate() => PowerIterationChecks.Validate(DampingFactor, MaxIterations, Tolerance, Concurrency);
}
