using RiskGraph.Model.Algorithms.Common;

namespace RiskGraph.Model.Algorithms.Ranking;

/// <param name="DampingFactor">Probability of following an edge rather than jumping back to a seed; in [0, 1).</param>
/// <param name="MaxIterations">Upper bound on power iterations; at least 1.</param>
/// <param name="Tolerance">
/// Stop when no score moves by more than this; in [0, 1). Tighter than plain PageRank's default because the
/// mass sits on a few seeds and their surroundings, so most scores are far below 1 / node count.
/// </param>
/// <param name="Concurrency">Threads to use; 0 (the default) means one per processor.</param>
/// <param name="Weighted">Follow edges in proportion to their weights instead of uniformly.</param>
public sealed record PersonalizedPageRankParameters(
    double DampingFactor = 0.85,
    int MaxIterations = 50,
    double Tolerance = 1e-10,
    int Concurrency = AnalyticsConcurrency.Auto,
    bool Weighted = false)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public void Validate() => PowerIterationChecks.Validate(DampingFactor, MaxIterations, Tolerance, Concurrency);
}
