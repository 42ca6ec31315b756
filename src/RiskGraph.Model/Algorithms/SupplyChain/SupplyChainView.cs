
namespace RiskGraph.Model.Algorithms.SupplyChain;

/// <summary>
/// The enterprises on a core enterprise's supply chain within MaxHops links, nearest first, upstream before
/// downstream. An enterprise on a circular chain appears once on each side.
/// </summary>
/// <param name="Truncated">More members existed than MaxChainSize; the counts cover only the listed ones.</param>
public sealed record SupplyChainView(
    int Core,
    IReadOnlyList<ChainMember> Members,
    int UpstreamCount,
    int DownstreamCount,
    int NegativeUpstream,
    int NegativeDownstream,
    bool Truncated);
