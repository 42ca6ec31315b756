
namespace RiskGraph.Model.Algorithms.Traversal;

/// <summary>For searches that only need what was reached and how far: depths are kept by the search itself.</summary>
internal readonly struct CountOnlyVisitor : IBfsVisitor
{
    public void Discovered(int node, int parent, int slot, int depth)
    {
    }

    public void Rediscovered(int node, int parent, int slot)
    {
    }
}

/// <summary>Keeps the breadth-first tree (parent and the parent's edge slot), so shortest paths can be read back.</summary>
internal readonly struct ParentVisitor(int[] parent, int[] parentSlot) : IBfsVisitor
{
    public void Discovered(int node, int parentNode, int slot, int depth)
    {
        parent[node] = parentNode;
        parentSlot[node] = slot;
    }

    public void Rediscovered(int node, int parentNode, int slot)
    {
    }
}
