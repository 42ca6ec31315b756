
namespace RiskGraph.Model.Algorithms.Ranking;

/// <param name="Scores">Score per node id; they sum to 1.</param>
public sealed record PageRankResult(double[] Scores, int Iterations, bool Converged)
{
    public static PageRankResult Empty { get; } = new([], 0, true);
}
