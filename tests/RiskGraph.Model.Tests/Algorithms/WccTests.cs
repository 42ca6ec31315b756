using RiskGraph.Model.Algorithms.Components;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

public class WccTests
{
    [Fact]
    public void Components_AreNumberedBySmallestNode()
    {
        var builder = new CsrGraphBuilder(7);
        builder.Add(5, 6, RelationType.Guarantees, 1);
        builder.Add(1, 3, RelationType.SuppliesTo, 1);
        builder.Add(3, 0, RelationType.ShareholderOf, 1);
        var result = new Wcc(builder.Build(), new WccParameters()).Compute();
        Assert.Equal([0, 0, 1, 0, 2, 3, 3], result.Component);
        Assert.Equal([3, 1, 1, 2], result.Sizes);
    }

    /// <summary>
    /// QuikGraph numbers components in its own order, so the check is on partitions: two nodes share a component in
    /// ours exactly when they share one in QuikGraph's, i.e. the component-to-component map is a bijection.
    /// Sparse random graphs (about one edge per node) give many components of all sizes, isolated nodes included.
    /// </summary>
    [Theory]
    [InlineData(1, 500, 300)]
    [InlineData(2, 5_000, 4_000)]
    [InlineData(3, 20_000, 19_000)]
    public void RandomGraph_MatchesQuikGraphPartition(int seed, int nodes, int edges)
    {
        var random = new Random(seed);
        var builder = new CsrGraphBuilder(nodes);
        var reference = new QuikGraph.AdjacencyGraph<int, QuikGraph.SEdge<int>>();
        for (int v = 0; v < nodes; v++) reference.AddVertex(v);
        for (int i = 0; i < edges; i++)
        {
            int a = random.Next(nodes), b = random.Next(nodes);
            builder.Add(a, b, RelationType.Guarantees, 1);
            reference.AddEdge(new QuikGraph.SEdge<int>(a, b));
        }
        var ours = new Wcc(builder.Build(), new WccParameters()).Compute();
        var theirs = new QuikGraph.Algorithms.ConnectedComponents.WeaklyConnectedComponentsAlgorithm<int, QuikGraph.SEdge<int>>(reference);
        theirs.Compute();

        Assert.Equal(theirs.ComponentCount, ours.ComponentCount);
        var oursToTheirs = new int[ours.ComponentCount];
        Array.Fill(oursToTheirs, -1);
        var theirsToOurs = new int[theirs.ComponentCount];
        Array.Fill(theirsToOurs, -1);
        for (int v = 0; v < nodes; v++)
        {
            int mine = ours.Component[v], other = theirs.Components[v];
            if (oursToTheirs[mine] < 0) oursToTheirs[mine] = other;
            if (theirsToOurs[other] < 0) theirsToOurs[other] = mine;
            Assert.Equal(other, oursToTheirs[mine]);
            Assert.Equal(mine, theirsToOurs[other]);
        }
        Assert.Equal(nodes, ours.Sizes.Sum());
    }

    [Fact]
    public void OneNodeWithoutEdges_IsItsOwnComponent()
    {
        var result = new Wcc(new CsrGraphBuilder(1).Build(), new WccParameters()).Compute();
        Assert.Equal([0], result.Component);
        Assert.Equal([1], result.Sizes);
    }

    [Fact]
    public void EmptyGraph_HasNoComponents() => Assert.Equal(0, new Wcc(CsrGraph.Empty, new WccParameters()).Compute().ComponentCount);
}
