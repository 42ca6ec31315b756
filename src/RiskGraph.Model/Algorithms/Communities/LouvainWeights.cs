
namespace RiskGraph.Model.Algorithms.Communities;

/// <summary>
/// Slot weights of a Louvain level, chosen once per level instead of per edge: the loops are generic over a
/// struct implementing this, so the JIT compiles one loop that adds 1 per slot (unweighted level 0, no weight
/// array at all) and one that reads the weight array, each without a branch on which case it is.
/// </summary>
internal interface ILouvainWeights
{
    double At(int slot);
}

/// <summary>Every slot weighs 1: level 0 of the unweighted view.</summary>
internal readonly struct UnitWeights : ILouvainWeights
{
    public double At(int slot) => 1;
}

internal readonly struct SlotWeights(double[] weights) : ILouvainWeights
{
    public double At(int slot) => weights[slot];
}
