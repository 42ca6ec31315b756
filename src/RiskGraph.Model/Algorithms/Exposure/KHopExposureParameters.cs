using RiskGraph.Model.Algorithms.Common;

namespace RiskGraph.Model.Algorithms.Exposure;

/// <param name="Hops">How far to look, 1 to 3 relations away.</param>
/// <param name="HubFanOutCap">
/// A node (other than the one queried) with more edge slots than this is counted when reached but not expanded,
/// so that nominee persons and big banks do not make every enterprise look exposed to everything; at least 1.
/// </param>
/// <param name="MaxListedContacts">Risky nodes listed individually in a single-node query (counts are never capped); at least 0.</param>
/// <param name="Concurrency">Threads for the all-enterprises mode; 0 (the default) means one per processor.</param>
public sealed record KHopExposureParameters(int Hops = 2, int HubFanOutCap = 64, int MaxListedContacts = 100, int Concurrency = AnalyticsConcurrency.Auto)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public const int MaxHops = 3;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Hops, 1, nameof(Hops));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Hops, MaxHops, nameof(Hops));
        ArgumentOutOfRangeException.ThrowIfLessThan(HubFanOutCap, 1, nameof(HubFanOutCap));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxListedContacts, nameof(MaxListedContacts));
        NodeBatches.CheckConcurrency(Concurrency);
    }
}
