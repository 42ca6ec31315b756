
namespace RiskGraph.Model.Algorithms.Traversal;

/// <summary>Callbacks of <see cref="BoundedBfs"/>. Implemented by structs so the calls inline into the loop.</summary>
internal interface IBfsVisitor
{
    /// <summary>First time <paramref name="node"/> is reached, from <paramref name="parent"/> over edge slot <paramref name="slot"/>.</summary>
    void Discovered(int node, int parent, int slot, int depth);

    /// <summary>Reached again at the same depth from another parent: another shortest path ends here.</summary>
    void Rediscovered(int node, int parent, int slot);
}
