
namespace RiskGraph.Model.Algorithms.Ownership;

/// <summary>One chain of shareholdings from an ultimate holder down to the target.</summary>
/// <param name="Nodes">Node ids, holder first and target last.</param>
/// <param name="Shares">Shares[i] is the share Nodes[i] holds in Nodes[i + 1].</param>
/// <param name="Share">Product of <paramref name="Shares"/>: what this path alone contributes.</param>
public sealed record OwnershipPath(int[] Nodes, double[] Shares, double Share);
