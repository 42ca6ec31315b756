using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Tests.Algorithms;

namespace RiskGraph.Model.Tests.Graph;

public class NodeOrderingTests
{
    [Fact]
    public void Locality_IsAPermutationThatKeepsEnterprisesFirstAndEveryRelation()
    {
        var snapshot = SnapshotBuilder.Random(3_000, 1_000, 9_000, seed: 5);
        var graph = snapshot.Graph;
        int enterprises = snapshot.EnterpriseCount;
        var ordering = NodeOrdering.Locality(graph, enterprises);
        for (int v = 0; v < graph.NodeCount; v++)
        {
            Assert.Equal(v, ordering.OldId[ordering.NewId[v]]);
            Assert.Equal(v < enterprises, ordering.NewId[v] < enterprises);
            // Same slots in the same order, with targets renamed.
            int id = ordering.NewId[v];
            Assert.Equal(graph.Degree(v), ordering.Graph.Degree(id));
            for (int i = 0; i < graph.Degree(v); i++)
            {
                int e = graph.Offsets[v] + i, f = ordering.Graph.Offsets[id] + i;
                Assert.Equal(ordering.NewId[graph.Targets[e]], ordering.Graph.Targets[f]);
                Assert.Equal(graph.Kinds[e], ordering.Graph.Kinds[f]);
                Assert.Equal(graph.Weights[e], ordering.Graph.Weights[f]);
            }
        }
    }

    [Fact]
    public void Layout_IsTheSameOnAnyThreadCount()
    {
        var graph = SnapshotBuilder.Random(150_000, 50_000, 300_000, seed: 8).Graph;
        var one = NodeOrdering.Locality(graph, 150_000);
        var three = NodeOrdering.Locality(graph, 150_000, concurrency: 3);
        Assert.Equal(one.NewId, three.NewId);
        Assert.Equal(one.Graph.Offsets, three.Graph.Offsets);
        Assert.Equal(one.Graph.Targets, three.Graph.Targets);
        Assert.Equal(one.Graph.Kinds, three.Graph.Kinds);
        Assert.Equal(one.Graph.Weights, three.Graph.Weights);
    }

    [Fact]
    public void PageRankOnTheOrderedGraph_MapsBackToTheSameScores()
    {
        var graph = SnapshotBuilder.Random(3_000, 1_000, 9_000, seed: 6).Graph;
        var ordering = NodeOrdering.Locality(graph, 3_000);
        var parameters = new PageRankParameters(MaxIterations: 50, Tolerance: 1e-12);
        var plain = new PageRank(graph, parameters).Compute().Scores;
        var ordered = ordering.ToOriginal(new PageRank(ordering.Graph, parameters).Compute().Scores);
        for (int v = 0; v < plain.Length; v++) Assert.Equal(plain[v], ordered[v], 1e-12);
        var ids = Enumerable.Range(0, graph.NodeCount).ToArray();
        Assert.Equal(ids, ordering.ToOriginal(ordering.ToOrdered(ids)));
    }
}
