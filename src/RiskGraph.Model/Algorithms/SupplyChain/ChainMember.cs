
namespace RiskGraph.Model.Algorithms.SupplyChain;

/// <param name="Hops">Supply links between the core enterprise and this member.</param>
/// <param name="Negative">The member has a negative record.</param>
public sealed record ChainMember(int Enterprise, int Hops, ChainDirection Direction, bool Negative);
