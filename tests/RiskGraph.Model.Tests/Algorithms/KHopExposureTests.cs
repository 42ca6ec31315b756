using RiskGraph.Model.Algorithms.Exposure;
using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

public class KHopExposureTests
{
    /// <summary>
    /// E0 supplies E1 (negative) and guarantees E2; E2 supplies E3 (negative) and E1 holds shares in E3, so E3 is
    /// two hops away along two shortest paths. Person P8 represents E0 and E4 (negative). Person P9 is an
    /// executive of E0, E5, E6 and E7 (negative): degree 4, a hub when the cap is 3.
    /// </summary>
    private static GraphSnapshot Sample() => new SnapshotBuilder(8, 2)
        .Relation(0, 1, RelationType.SuppliesTo)
        .Relation(0, 2, RelationType.Guarantees)
        .Relation(2, 3, RelationType.SuppliesTo)
        .Relation(1, 3, RelationType.ShareholderOf, 0.3)
        .Relation(8, 0, RelationType.LegalRepresentativeOf)
        .Relation(8, 4, RelationType.LegalRepresentativeOf)
        .Relation(9, 0, RelationType.ExecutiveOf)
        .Relation(9, 5, RelationType.ExecutiveOf)
        .Relation(9, 6, RelationType.ExecutiveOf)
        .Relation(9, 7, RelationType.ExecutiveOf)
        .Negative(1, 3, 4, 7)
        .Build();

    [Fact]
    public void TwoHops_WithHubCap_CountsByHopAndFirstRelation()
    {
        // Hop 1: E1 (risky, via E0 -SUPPLIES_TO-> E1), E2, P8, P9 (hub: counted, not expanded).
        // Hop 2: E3 (risky; first hops SUPPLIES_TO via E1 and GUARANTEES via E2), E4 (risky; first hop P8's
        // LEGAL_REPRESENTATIVE_OF). E7 sits behind the hub and is not reached.
        // Reached enterprises 1,2,3,4 = 4; risky 1,3,4 = 3; by hop [1, 2]; by type SUPPLIES_TO 2 (E1, E3),
        // GUARANTEES 1 (E3), LEGAL_REPRESENTATIVE_OF 1 (E4); types add up to 4 > 3 because E3 counts twice.
        var profile = new KHopExposure(Sample(), new KHopExposureParameters(Hops: 2, HubFanOutCap: 3)).ForNode(0);
        Assert.Equal(4, profile.ReachedEnterprises);
        Assert.Equal(3, profile.RiskyEnterprises);
        Assert.Equal([1, 2], profile.RiskyByHop);
        Assert.Equal([1, 0, 0, 2, 1], profile.RiskyByRelationType);
        Assert.Equal(2, profile.RiskyByFirstHopKind[EdgeKind.Outgoing(RelationType.SuppliesTo)]);
        Assert.Equal(1, profile.RiskyByFirstHopKind[EdgeKind.Outgoing(RelationType.Guarantees)]);
        Assert.Equal(1, profile.RiskyByFirstHopKind[EdgeKind.Incoming(RelationType.LegalRepresentativeOf)]);
        Assert.Equal(1, profile.HubsNotExpanded);
        Assert.Equal([1, 3, 4], profile.Contacts.Select(c => c.Node));
        Assert.Equal(
            BoundedBfs.KindBit(EdgeKind.Outgoing(RelationType.SuppliesTo)) | BoundedBfs.KindBit(EdgeKind.Outgoing(RelationType.Guarantees)),
            profile.Contacts[1].FirstHopKinds);
    }

    [Fact]
    public void RaisingTheHubCap_ReachesBehindTheHub()
    {
        // With cap 10, P9 is expanded: E5, E6, E7 are reached at hop 2 and E7 is risky via EXECUTIVE_OF.
        var profile = new KHopExposure(Sample(), new KHopExposureParameters(Hops: 2, HubFanOutCap: 10)).ForNode(0);
        Assert.Equal(7, profile.ReachedEnterprises);
        Assert.Equal(4, profile.RiskyEnterprises);
        Assert.Equal(1, profile.RiskyByRelationType[(int)RelationType.ExecutiveOf]);
        Assert.Equal(0, profile.HubsNotExpanded);
    }

    [Fact]
    public void OneHop_SeesOnlyDirectPartners()
    {
        var profile = new KHopExposure(Sample(), new KHopExposureParameters(Hops: 1, HubFanOutCap: 3)).ForNode(0);
        Assert.Equal(2, profile.ReachedEnterprises);
        Assert.Equal(1, profile.RiskyEnterprises);
        Assert.Equal([1], profile.RiskyByHop);
    }

    [Fact]
    public void AllEnterprises_MatchSingleQueries()
    {
        var snapshot = SnapshotBuilder.Random(3_000, 1_000, 9_000, seed: 5);
        var exposure = new KHopExposure(snapshot, new KHopExposureParameters(Hops: 3, HubFanOutCap: 20));
        var table = exposure.ForAllEnterprises();
        for (int e = 0; e < snapshot.EnterpriseCount; e += 37)
        {
            var single = exposure.ForNode(e);
            Assert.Equal(single.ReachedEnterprises, table.Reached[e]);
            Assert.Equal(single.RiskyEnterprises, table.Risky[e]);
            for (int hop = 1; hop <= 3; hop++) Assert.Equal(single.RiskyByHop[hop - 1], table.RiskyAt(e, hop));
            for (int type = 0; type < RelationTypeNames.Count; type++)
                Assert.Equal(single.RiskyByRelationType[type], table.RiskyVia(e, (RelationType)type));
        }
    }

    [Fact]
    public void OneAndTwoThreads_GiveTheSameTable()
    {
        var snapshot = SnapshotBuilder.Random(30_000, 10_000, 80_000, seed: 6);
        var one = new KHopExposure(snapshot, new KHopExposureParameters(Hops: 2, Concurrency: 1)).ForAllEnterprises();
        var two = new KHopExposure(snapshot, new KHopExposureParameters(Hops: 2, Concurrency: 2)).ForAllEnterprises();
        Assert.Equal(one.Reached, two.Reached);
        Assert.Equal(one.Risky, two.Risky);
        Assert.Equal(one.RiskyByHop, two.RiskyByHop);
        Assert.Equal(one.RiskyByRelationType, two.RiskyByRelationType);
    }

    [Fact]
    public void EmptyGraph_GivesEmptyTable()
    {
        var snapshot = new SnapshotBuilder(0).Build();
        var exposure = new KHopExposure(snapshot, new KHopExposureParameters());
        Assert.Empty(exposure.ForAllEnterprises().Risky);
        Assert.Throws<ArgumentOutOfRangeException>(() => exposure.ForNode(0));
    }

    [Theory]
    [InlineData(0, 64, 100, 2)]
    [InlineData(4, 64, 100, 2)]
    [InlineData(2, 0, 100, 2)]
    [InlineData(2, 64, -1, 2)]
    [InlineData(2, 64, 100, -1)]
    public void InvalidParameters_Throw(int hops, int cap, int listed, int concurrency) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new KHopExposure(Sample(), new KHopExposureParameters(hops, cap, listed, concurrency)).ForNode(0));
}
