using RiskGraph.Model.Algorithms;
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

    [Fact]
    public void EmptyGraph_HasNoComponents() => Assert.Equal(0, new Wcc(CsrGraph.Empty, new WccParameters()).Compute().ComponentCount);
}
