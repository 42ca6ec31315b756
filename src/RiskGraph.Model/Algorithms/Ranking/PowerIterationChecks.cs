using RiskGraph.Model.Algorithms.Common;

namespace RiskGraph.Model.Algorithms.Ranking;

/// <summary>The range checks shared by every power-iteration algorithm's parameters (PageRank and its personalized form).</summary>
internal static class PowerIterationChecks
{
    public static void Validate(double dampingFactor, int maxIterations, double tolerance, int concurrency)
    {
        if (dampingFactor is < 0 or >= 1 || double.IsNaN(dampingFactor))
            throw new ArgumentOutOfRangeException("DampingFactor", dampingFactor, "Damping factor must be in [0, 1).");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1, "MaxIterations");
        if (tolerance is < 0 or >= 1 || double.IsNaN(tolerance))
            throw new ArgumentOutOfRangeException("Tolerance", tolerance, "Tolerance must be in [0, 1).");
        NodeBatches.CheckConcurrency(concurrency);
    }
}
