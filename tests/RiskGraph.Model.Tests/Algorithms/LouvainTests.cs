using RiskGraph.Model.Algorithms.Communities;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

public class LouvainTests
{
    private static CsrGraph TwoCliques()
    {
        var builder = new CsrGraphBuilder(8);
        for (int offset = 0; offset <= 4; offset += 4)
            for (int a = 0; a < 4; a++)
                for (int b = a + 1; b < 4; b++)
                    builder.Add(offset + a, offset + b, RelationType.ExecutiveOf, 1);
        builder.Add(3, 4, RelationType.SuppliesTo, 1);
        return builder.Build();
    }

    [Fact]
    public void TwoCliquesJoinedByOneEdge_AreTwoCommunities()
    {
        // Two K4 (6 edges each) and a bridge: m = 13, 2m = 26. Each community has 6 internal edges (in_c = 12
        // counted from both ends) and total degree tot_c = 4*3 + 1 = 13.
        // Q = 2 * (12/26 - (13/26)^2) = 24/26 - 1/2 = 11/26 = 0.4230769...
        var result = new Louvain(TwoCliques(), new LouvainParameters()).Compute();
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], result.Community);
        Assert.Equal(2, result.CommunityCount);
        Assert.Equal(11.0 / 26, result.Modularity, 1e-6);
        Assert.Equal(result.Modularity, result.LevelModularities[^1], 1e-12);
    }

    [Fact]
    public void Weights_DecideWherePathSplits()
    {
        // Path 0 -(10)- 1 -(1)- 2 -(10)- 3: communities {0,1} and {2,3}. m = 21, 2m = 42, in_c = 20,
        // tot_c = 10 + 11 = 21, so Q = 2 * (20/42 - (21/42)^2) = 40/42 - 1/2 = 19/42 = 0.452380...
        var builder = new CsrGraphBuilder(4);
        builder.Add(0, 1, RelationType.SuppliesTo, 10);
        builder.Add(1, 2, RelationType.SuppliesTo, 1);
        builder.Add(2, 3, RelationType.SuppliesTo, 10);
        var result = new Louvain(builder.Build(), new LouvainParameters(Weighted: true)).Compute();
        Assert.Equal([0, 0, 1, 1], result.Community);
        Assert.Equal(19.0 / 42, result.Modularity, 1e-6);
    }

    [Fact]
    public void RandomGraph_ReportsTheModularityOfItsPartition()
    {
        var graph = SnapshotBuilder.Random(20_000, 5_000, 60_000, seed: 4).Graph;
        var result = new Louvain(graph, new LouvainParameters()).Compute();
        Assert.Equal(ModularityOf(graph, result.Community, result.CommunityCount), result.Modularity, 1e-9);
        Assert.True(result.LevelModularities.Length >= 2, "a sparse random graph needs more than one level");
        for (int i = 1; i < result.LevelModularities.Length; i++) Assert.True(result.LevelModularities[i] >= result.LevelModularities[i - 1]);
        Assert.Equal(result.CommunityCount, result.Community.Max() + 1);
        // Numbered by smallest member: the first node of community c comes after the first node of c - 1.
        var firstSeen = new int[result.CommunityCount];
        Array.Fill(firstSeen, -1);
        for (int v = 0; v < result.Community.Length; v++) if (firstSeen[result.Community[v]] < 0) firstSeen[result.Community[v]] = v;
        for (int c = 1; c < firstSeen.Length; c++) Assert.True(firstSeen[c] > firstSeen[c - 1]);
    }

    [Fact]
    public void OneTwoAndMoreThreads_GiveTheSamePartition()
    {
        // Large enough that level 0's colours are decided in parallel batches and the first aggregation has
        // several batches of communities.
        var graph = SnapshotBuilder.Random(60_000, 20_000, 150_000, seed: 9).Graph;
        foreach (bool weighted in new[] { false, true })
        {
            var one = new Louvain(graph, new LouvainParameters(Weighted: weighted, Concurrency: 1)).Compute();
            foreach (int threads in new[] { 2, 3, 8 })
            {
                var many = new Louvain(graph, new LouvainParameters(Weighted: weighted, Concurrency: threads)).Compute();
                Assert.Equal(one.Community, many.Community);
                Assert.Equal(one.LevelModularities, many.LevelModularities);
            }
        }
    }

    [Fact]
    public void Colouring_NeverGivesNeighboursTheSameColour()
    {
        var graph = SnapshotBuilder.Random(5_000, 2_000, 20_000, seed: 3).Graph;
        var colouring = LouvainColouring.Greedy(LouvainLevelGraph.FromCsr(graph, weighted: false));
        var colour = new int[graph.NodeCount];
        Assert.Equal(graph.NodeCount, colouring.Members.Length);
        for (int c = 0; c < colouring.ClassCount; c++)
            for (int i = colouring.ClassOffsets[c]; i < colouring.ClassOffsets[c + 1]; i++) colour[colouring.Members[i]] = c;
        for (int v = 0; v < graph.NodeCount; v++)
            foreach (int u in graph.Neighbours(v))
                if (u != v) Assert.NotEqual(colour[v], colour[u]);
    }

    [Fact]
    public void GraphWithoutEdges_KeepsEveryNodeAlone()
    {
        var result = new Louvain(new CsrGraphBuilder(3).Build(), new LouvainParameters()).Compute();
        Assert.Equal([0, 1, 2], result.Community);
        Assert.Equal(0, result.Modularity);
        Assert.Empty(result.LevelModularities);
    }

    [Fact]
    public void EmptyGraph_GivesEmptyResult()
    {
        var result = new Louvain(CsrGraph.Empty, new LouvainParameters()).Compute();
        Assert.Empty(result.Community);
        Assert.Equal(0, result.CommunityCount);
    }

    [Theory]
    [InlineData(0, 10, 1e-4, 2)]
    [InlineData(10, 0, 1e-4, 2)]
    [InlineData(10, 10, -1e-4, 2)]
    [InlineData(10, 10, 1.0, 2)]
    [InlineData(10, 10, double.NaN, 2)]
    [InlineData(10, 10, 1e-4, -1)]
    public void InvalidParameters_Throw(int levels, int iterations, double tolerance, int concurrency) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Louvain(TwoCliques(), new LouvainParameters(false, levels, iterations, tolerance, concurrency)).Compute());

    /// <summary>Newman modularity straight from the definition, independent of the implementation's bookkeeping.</summary>
    private static double ModularityOf(CsrGraph graph, int[] community, int count)
    {
        double twoM = graph.EdgeCount, inside = 0;
        var total = new double[count];
        for (int v = 0; v < graph.NodeCount; v++)
        {
            total[community[v]] += graph.Degree(v);
            foreach (int u in graph.Neighbours(v)) if (community[u] == community[v]) inside++;
        }
        return inside / twoM - total.Sum(t => t * t) / (twoM * twoM);
    }
}
