
namespace RiskGraph.Model.Algorithms.Ownership;

/// <summary>A natural person, or an enterprise without shareholders, at the top of the target's ownership.</summary>
/// <param name="IntegratedShare">
/// Sum over all ownership paths of the product of their shares, including paths that go round cross-holdings
/// any number of times.
/// </param>
/// <param name="Paths">
/// The heaviest simple paths (no node twice), so their shares can add up to less than the integrated share when
/// cross-holdings, <c>MaxPathLength</c> or <c>MinPathShare</c> leave some out. Listed only for reported holders.
/// </param>
/// <param name="PathsTruncated">More paths existed than were listed, or the path search ran out of steps.</param>
public sealed record UltimateHolder(int Node, bool IsPerson, double IntegratedShare, IReadOnlyList<OwnershipPath> Paths, bool PathsTruncated);
