using RiskGraph.Model.Algorithms.Common;

namespace RiskGraph.Model.Algorithms.Ownership;

/// <param name="ControlThreshold">Integrated (or, failing that, direct) share above which a holder controls an enterprise; in (0, 1].</param>
/// <param name="MinSize">Smallest group reported: enterprises under one top controller, the controller itself included when an enterprise.</param>
/// <param name="Concurrency">Threads for the per-enterprise penetration; 0 (the default) means one per processor.</param>
public sealed record ConglomerateGroupsParameters(double ControlThreshold = 0.5, int MinSize = 2, int Concurrency = AnalyticsConcurrency.Auto)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public void Validate()
    {
        UltimateControllerParameters.CheckShare(ControlThreshold, nameof(ControlThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinSize, 2, nameof(MinSize));
        NodeBatches.CheckConcurrency(Concurrency);
    }
}
