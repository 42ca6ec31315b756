using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Tests.Algorithms;

public class CrossBoundaryPathsTests
{
    /// <summary>
    /// Source E0 (I0, R0). E0 supplies E1 (I0, R0, negative: same industry and region, never a target).
    /// E1 guarantees E3 (I0, R1, negative: cross-region). E4 (I2, R2, negative: both) holds shares in E3.
    /// Person P5 is the legal representative of E0 and of E2 (I1, R0, negative: cross-industry).
    /// </summary>
    private static Model.Graph.GraphSnapshot Sample() => new SnapshotBuilder(5, 1)
        .Place(0, 0, 0).Place(1, 0, 0).Place(2, 1, 0).Place(3, 0, 1).Place(4, 2, 2)
        .Relation(0, 1, RelationType.SuppliesTo)
        .Relation(5, 0, RelationType.LegalRepresentativeOf)
        .Relation(5, 2, RelationType.LegalRepresentativeOf)
        .Relation(1, 3, RelationType.Guarantees)
        .Relation(4, 3, RelationType.ShareholderOf, 0.5)
        .Negative(1, 2, 3, 4)
        .Build();

    [Fact]
    public void Paths_AreShortestWithRelationsAndBoundaries()
    {
        // Breadth-first from E0: hop 1 E1, P5; hop 2 E3 (via E1), E2 (via P5); hop 3 E4 (via E3).
        var result = new CrossBoundaryPaths(Sample(), new CrossBoundaryPathsParameters(MaxDepth: 3)).ForEnterprise(0);
        Assert.Equal([3, 2, 4], result.Paths.Select(p => p.Target));
        Assert.Equal((2, 2), (result.CrossIndustryTargets, result.CrossRegionTargets));
        Assert.False(result.Truncated);

        var toE3 = result.Paths[0];
        Assert.Equal(BoundaryKind.CrossRegion, toE3.Kind);
        Assert.Equal([0, 1, 3], toE3.Nodes);
        Assert.Equal([new PathStep(RelationType.SuppliesTo, true), new PathStep(RelationType.Guarantees, true)], toE3.Steps);
        Assert.Equal(["I0"], toE3.Industries);
        Assert.Equal(["R0", "R1"], toE3.Regions);

        // E0 <- P5 -> E2: the first relation runs from P5 to E0, i.e. against the path.
        var toE2 = result.Paths[1];
        Assert.Equal(BoundaryKind.CrossIndustry, toE2.Kind);
        Assert.Equal([0, 5, 2], toE2.Nodes);
        Assert.Equal([new PathStep(RelationType.LegalRepresentativeOf, false), new PathStep(RelationType.LegalRepresentativeOf, true)], toE2.Steps);
        Assert.Equal(["I0", "I1"], toE2.Industries);

        var toE4 = result.Paths[2];
        Assert.Equal(BoundaryKind.Both, toE4.Kind);
        Assert.Equal("both", toE4.Kind.Name());
        Assert.Equal([0, 1, 3, 4], toE4.Nodes);
        Assert.Equal(new PathStep(RelationType.ShareholderOf, false), toE4.Steps[2]);
        Assert.Equal(["R0", "R1", "R2"], toE4.Regions);
    }

    [Fact]
    public void DepthAndHubCap_BoundTheSearch()
    {
        var shallow = new CrossBoundaryPaths(Sample(), new CrossBoundaryPathsParameters(MaxDepth: 2)).ForEnterprise(0);
        Assert.Equal([3, 2], shallow.Paths.Select(p => p.Target));
        // Cap 1: E1 and P5 have two relations each, so both are reached but neither is expanded.
        var capped = new CrossBoundaryPaths(Sample(), new CrossBoundaryPathsParameters(HubFanOutCap: 1)).ForEnterprise(0);
        Assert.Empty(capped.Paths);
        Assert.Equal(2, capped.HubsNotExpanded);
        var truncated = new CrossBoundaryPaths(Sample(), new CrossBoundaryPathsParameters(MaxPaths: 1)).ForEnterprise(0);
        Assert.Single(truncated.Paths);
        Assert.True(truncated.Truncated);
        Assert.Equal(2, truncated.CrossIndustryTargets);
    }

    [Fact]
    public void Counts_MatchSingleQueries()
    {
        var snapshot = SnapshotBuilder.Random(3_000, 1_000, 9_000, seed: 2);
        var paths = new CrossBoundaryPaths(snapshot, new CrossBoundaryPathsParameters(MaxDepth: 3, HubFanOutCap: 30));
        var counts = paths.CountsForAllEnterprises();
        for (int e = 0; e < snapshot.EnterpriseCount; e += 41)
        {
            var single = paths.ForEnterprise(e);
            Assert.Equal(single.CrossIndustryTargets, counts.CrossIndustry[e]);
            Assert.Equal(single.CrossRegionTargets, counts.CrossRegion[e]);
        }
        var sample = new CrossBoundaryPaths(Sample(), new CrossBoundaryPathsParameters(MaxDepth: 3)).CountsForAllEnterprises();
        Assert.Equal((2, 2, 1), (sample.CrossIndustry[0], sample.CrossRegion[0], sample.CrossBoth[0]));
    }

    [Fact]
    public void OneAndTwoThreads_GiveTheSameCounts()
    {
        var snapshot = SnapshotBuilder.Random(30_000, 10_000, 80_000, seed: 13);
        var one = new CrossBoundaryPaths(snapshot, new CrossBoundaryPathsParameters(MaxDepth: 2, Concurrency: 1)).CountsForAllEnterprises();
        var two = new CrossBoundaryPaths(snapshot, new CrossBoundaryPathsParameters(MaxDepth: 2, Concurrency: 2)).CountsForAllEnterprises();
        Assert.Equal(one.CrossIndustry, two.CrossIndustry);
        Assert.Equal(one.CrossRegion, two.CrossRegion);
        Assert.Equal(one.CrossBoth, two.CrossBoth);
    }

    [Fact]
    public void EmptyGraph_GivesNoCounts()
    {
        var snapshot = new SnapshotBuilder(0).Build();
        var paths = new CrossBoundaryPaths(snapshot, new CrossBoundaryPathsParameters());
        Assert.Empty(paths.CountsForAllEnterprises().CrossIndustry);
        Assert.Throws<ArgumentOutOfRangeException>(() => paths.ForEnterprise(0));
    }

    [Theory]
    [InlineData(0, 64, 50, 2)]
    [InlineData(5, 64, 50, 2)]
    [InlineData(4, 0, 50, 2)]
    [InlineData(4, 64, 0, 2)]
    [InlineData(4, 64, 50, -1)]
    public void InvalidParameters_Throw(int depth, int cap, int paths, int concurrency) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CrossBoundaryPaths(Sample(), new CrossBoundaryPathsParameters(depth, cap, paths, concurrency)).ForEnterprise(0));
}
