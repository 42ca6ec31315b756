using RiskGraph.Model.Algorithms.Common;

namespace RiskGraph.Model.Algorithms.SupplyChain;

/// <param name="Decay">Fraction of risk that survives each supply hop; in (0, 1].</param>
/// <param name="MaxHops">How many supply links risk may travel, and how far the chain view reaches; 1 to 10.</param>
/// <param name="UpstreamWeight">
/// Weight of risk arriving from the upstream side (suppliers, suppliers' suppliers: delivery failures); in [0, 10].
/// </param>
/// <param name="DownstreamWeight">
/// Weight of risk arriving from the downstream side (buyers, buyers' buyers: unpaid receivables); in [0, 10].
/// </param>
/// <param name="AmountWeighted">
/// Weigh each partner by its share of the enterprise's annual purchase (or sales) amount instead of equally;
/// an enterprise whose amounts are all zero falls back to equal weights.
/// </param>
/// <param name="MaxChainSize">Members listed by the chain view at most; at least 1.</param>
/// <param name="Concurrency">Threads to use; 0 (the default) means one per processor.</param>
public sealed record SupplyChainContagionParameters(
    double Decay = 0.5,
    int MaxHops = 3,
    double UpstreamWeight = 1.0,
    double DownstreamWeight = 0.5,
    bool AmountWeighted = true,
    int MaxChainSize = 10_000,
    int Concurrency = AnalyticsConcurrency.Auto)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public void Validate()
    {
        if (!(Decay > 0 && Decay <= 1)) throw new ArgumentOutOfRangeException(nameof(Decay), Decay, "Decay must be in (0, 1].");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHops, 1, nameof(MaxHops));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxHops, 10, nameof(MaxHops));
        CheckWeight(UpstreamWeight, nameof(UpstreamWeight));
        CheckWeight(DownstreamWeight, nameof(DownstreamWeight));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChainSize, 1, nameof(MaxChainSize));
        NodeBatches.CheckConcurrency(Concurrency);
    }

    private static void CheckWeight(double weight, string name)
    {
        if (!(weight >= 0 && weight <= 10)) throw new ArgumentOutOfRangeException(name, weight, $"{name} must be in [0, 10].");
    }
}
