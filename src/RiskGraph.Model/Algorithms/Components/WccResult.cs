
namespace RiskGraph.Model.Algorithms.Components;

/// <param name="Component">Component index per node, numbered 0.. in order of each component's smallest node id.</param>
/// <param name="Sizes">Node count per component index.</param>
public sealed record WccResult(int[] Component, int[] Sizes)
{
    public int ComponentCount => Sizes.Length;
}
