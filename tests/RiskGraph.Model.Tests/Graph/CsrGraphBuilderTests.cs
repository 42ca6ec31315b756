using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Graph;

public class CsrGraphBuilderTests
{
    [Fact]
    public void Build_StoresEachRelationAtBothEnds_InInsertionOrder()
    {
        var builder = new CsrGraphBuilder(4);
        builder.Add(0, 1, RelationType.SuppliesTo, 5f);
        builder.Add(2, 0, RelationType.ShareholderOf, 0.6f);
        builder.Add(0, 3, RelationType.Guarantees, 9f);

        var graph = builder.Build();

        Assert.Equal(4, graph.NodeCount);
        Assert.Equal(6, graph.EdgeCount);
        Assert.Equal([0, 3, 4, 5, 6], graph.Offsets);
        Assert.Equal([1, 2, 3], graph.Neighbours(0).ToArray());
        Assert.Equal(
            [EdgeKind.Outgoing(RelationType.SuppliesTo), EdgeKind.Incoming(RelationType.ShareholderOf), EdgeKind.Outgoing(RelationType.Guarantees)],
            graph.Kinds.AsSpan(0, 3).ToArray());
        Assert.Equal([5f, 0.6f, 9f], graph.Weights.AsSpan(0, 3).ToArray());
        Assert.Equal([0], graph.Neighbours(1).ToArray());
        Assert.True(EdgeKind.IsIncoming(graph.Kinds[graph.Offsets[1]]));
        Assert.Equal(RelationType.SuppliesTo, EdgeKind.TypeOf(graph.Kinds[graph.Offsets[1]]));
    }

    [Fact]
    public void Build_OfNoRelations_GivesIsolatedNodes()
    {
        var graph = new CsrGraphBuilder(3).Build();
        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(0, graph.EdgeCount);
        Assert.Equal(0, graph.Degree(2));
    }

    [Fact]
    public void Add_RejectsIdsOutsideTheGraph()
    {
        var builder = new CsrGraphBuilder(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(0, 2, RelationType.SuppliesTo, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(-1, 0, RelationType.SuppliesTo, 1));
    }

    [Fact]
    public void IdMap_PutsEnterprisesFirst_AndRejectsDuplicates()
    {
        var ids = new IdMap(["E1", "E2", "p_1"], 2);
        Assert.True(ids.IsEnterprise(1));
        Assert.False(ids.IsEnterprise(2));
        Assert.Equal(2, ids.IdOf("p_1"));
        Assert.Equal(IdMap.NotFound, ids.IdOf("nope"));
        Assert.Throws<ArgumentException>(() => new IdMap(["a", "a"], 2));
    }
}
