
namespace RiskGraph.Model.Algorithms;

/// <param name="DampingFactor">Probability of following an edge rather than jumping; in [0, 1).</param>
/// <param name="MaxIterations">Upper bound on power iterations; at least 1.</param>
/// <param name="Tolerance">Stop when no score moves by more than this; in [0, 1).</param>
/// <param name="Concurrency">Threads to use.</param>
public sealed record PageRankParameters(
    double DampingFactor = 0.85,
    int MaxIterations = 20,
    double Tolerance = 1e-7,
    int Concurrency = 2)
{
    public void Validate()
    {
        if (DampingFactor is < 0 or >= 1 || double.IsNaN(DampingFactor))
            throw new ArgumentOutOfRangeException(nameof(DampingFactor), DampingFactor, "Damping factor must be in [0, 1).");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        if (Tolerance is < 0 or >= 1 || double.IsNaN(Tolerance))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be in [0, 1).");
        NodeBatches.CheckConcurrency(Concurrency);
    }
}
