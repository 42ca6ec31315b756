
namespace RiskGraph.Model.Algorithms.Ranking;

/// <param name="Scores">
/// Risk-contagion score per node id: the probability that a walk restarting at a random seed is at that node.
/// They sum to 1 when there is at least one seed and are all 0 otherwise. Multiply by the node count for a
/// scale-free value (1 = what a node would get if the mass were spread evenly).
/// </param>
/// <param name="SeedCount">Distinct seed nodes the walks restart from.</param>
public sealed record PersonalizedPageRankResult(double[] Scores, int SeedCount, int Iterations, bool Converged)
{
    public static PersonalizedPageRankResult Empty { get; } = new([], 0, 0, true);
}
