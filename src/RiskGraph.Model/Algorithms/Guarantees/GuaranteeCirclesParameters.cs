using RiskGraph.Model.Algorithms.Common;

namespace RiskGraph.Model.Algorithms.Guarantees;

/// <param name="ContagionRounds">
/// Rounds of default spreading over guarantee edges (1 to 20). Research on the Chinese guarantee network finds
/// defaults travelling several rounds along guarantee chains, so the default is more than one round.
/// </param>
/// <param name="Concurrency">Threads for the contagion rounds; 0 (the default) means one per processor.</param>
public sealed record GuaranteeCirclesParameters(int ContagionRounds = 3, int Concurrency = AnalyticsConcurrency.Auto)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ContagionRounds, 1, nameof(ContagionRounds));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ContagionRounds, 20, nameof(ContagionRounds));
        NodeBatches.CheckConcurrency(Concurrency);
    }
}
