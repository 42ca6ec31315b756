using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

public class ConglomerateGroupsTests
{
    private const int E1 = 0, E2 = 1, E3 = 2, E4 = 3, E5 = 4, E6 = 5, E7 = 6, E8 = 7, E9 = 8, E10 = 9, E11 = 10;
    private const int P = 11, Q = 12, S1 = 13, S2 = 14, S3 = 15, S4 = 16;

    /// <summary>
    /// Nested: person P holds 60 % of E1, E1 60 % of E2, E2 70 % of E3 (P's integrated share of E3 is only 25 %).
    /// Enterprise controller: E4 (no shareholders) holds 80 % of E5 and 55 % of E6; E5 guarantees E6 for 100.
    /// Cross-holding: E7 and E8 hold 60 % of each other, person Q the other 40 % of both (integrated 100 %).
    /// A loop with no outside controller: E9 and E10 hold 60 % of each other, four persons 20 % each of the rest.
    /// E11 is alone. E2 and E5 are negative; E1 supplies E3.
    /// </summary>
    private static GraphSnapshot Holdings() => new SnapshotBuilder(11, 6)
        .Relation(P, E1, RelationType.ShareholderOf, 0.6)
        .Relation(E1, E2, RelationType.ShareholderOf, 0.6)
        .Relation(E2, E3, RelationType.ShareholderOf, 0.7)
        .Relation(E4, E5, RelationType.ShareholderOf, 0.8)
        .Relation(E4, E6, RelationType.ShareholderOf, 0.55)
        .Relation(E5, E6, RelationType.Guarantees, 100)
        .Relation(E7, E8, RelationType.ShareholderOf, 0.6)
        .Relation(E8, E7, RelationType.ShareholderOf, 0.6)
        .Relation(Q, E7, RelationType.ShareholderOf, 0.4)
        .Relation(Q, E8, RelationType.ShareholderOf, 0.4)
        .Relation(E9, E10, RelationType.ShareholderOf, 0.6)
        .Relation(E10, E9, RelationType.ShareholderOf, 0.6)
        .Relation(S1, E9, RelationType.ShareholderOf, 0.2)
        .Relation(S2, E9, RelationType.ShareholderOf, 0.2)
        .Relation(S3, E10, RelationType.ShareholderOf, 0.2)
        .Relation(S4, E10, RelationType.ShareholderOf, 0.2)
        .Relation(E1, E3, RelationType.SuppliesTo, 40)
        .Capital(E1, 10).Capital(E2, 20).Capital(E3, 30)
        .Negative(E2, E5)
        .Build();

    [Fact]
    public void NestedGroups_ResolveToTheTopController_PersonsAndEnterprisesAlike()
    {
        var result = new ConglomerateGroups(Holdings(), new ConglomerateGroupsParameters()).Compute();

        int byP = result.GroupOfController(P), byE4 = result.GroupOfController(E4), byQ = result.GroupOfController(Q);
        Assert.Equal([E1, E2, E3], result.MembersOf(byP).ToArray());
        Assert.Equal([E4, E5, E6], result.MembersOf(byE4).ToArray());
        Assert.Equal([E7, E8], result.MembersOf(byQ).ToArray());
        Assert.Equal([1, 2, 3], new[] { result.Depth[E1], result.Depth[E2], result.Depth[E3] });
        Assert.Equal([P, E1, E2], new[] { result.ControlledBy[E1], result.ControlledBy[E2], result.ControlledBy[E3] });
        Assert.Equal(0, result.Depth[E4]);
        Assert.Equal(-1, result.ControlledBy[E4]);
        Assert.Equal(-1, result.GroupOf[E11]);
    }

    [Fact]
    public void GroupsCarryCapitalNegativesAndInternalLinks()
    {
        var result = new ConglomerateGroups(Holdings(), new ConglomerateGroupsParameters()).Compute();
        int byP = result.GroupOfController(P), byE4 = result.GroupOfController(E4);

        Assert.Equal(60, result.TotalCapital[byP]);
        Assert.Equal(1, result.NegativeMembers[byP]);
        Assert.Equal(1.0 / 3, result.NegativeShare(byP), 1e-12);
        Assert.Equal(1, result.InternalSupplyLinks[byP]);
        Assert.Equal(40, result.InternalSupplyAmount[byP]);
        Assert.Equal(1, result.InternalGuarantees[byE4]);
        Assert.Equal(100, result.InternalGuaranteeAmount[byE4]);
        Assert.Equal(0, result.InternalGuarantees[byP]);
    }

    [Fact]
    public void ALoopOfMajorityHoldingsWithoutAnOutsideController_IsOneGroupAndTerminates()
    {
        var result = new ConglomerateGroups(Holdings(), new ConglomerateGroupsParameters()).Compute();
        Assert.True(result.GroupOf[E9] >= 0);
        Assert.Equal(result.GroupOf[E9], result.GroupOf[E10]);
        Assert.Equal(2, result.SizeOf(result.GroupOf[E9]));
    }

    [Fact]
    public void GroupsAreNumberedLargestFirst_AndMinSizeFilters()
    {
        var result = new ConglomerateGroups(Holdings(), new ConglomerateGroupsParameters(MinSize: 3)).Compute();
        Assert.Equal(2, result.GroupCount);
        Assert.Equal(E4, result.Controller[0] == P ? result.Controller[1] : result.Controller[0]);
        Assert.Equal(-1, result.GroupOf[E7]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConglomerateGroups(Holdings(), new ConglomerateGroupsParameters(MinSize: 1)).Compute());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConglomerateGroups(Holdings(), new ConglomerateGroupsParameters(ControlThreshold: 0)).Compute());
        Assert.Equal(0, new ConglomerateGroups(new SnapshotBuilder(0).Build(), new ConglomerateGroupsParameters()).Compute().GroupCount);
    }

    [Fact]
    public void OneAndManyThreads_GiveTheSameGroups()
    {
        var random = new Random(21);
        const int enterprises = 20_000, persons = 4_000;
        var builder = new SnapshotBuilder(enterprises, persons);
        for (int e = 0; e < enterprises; e++)
        {
            double left = 1;
            for (int h = random.Next(0, 4); h > 0; h--)
            {
                double share = Math.Round(left * (0.3 + 0.6 * random.NextDouble()), 4);
                int holder = random.Next(3) == 0 ? enterprises + random.Next(persons) : random.Next(enterprises);
                if (holder == e || share <= 0) continue;
                builder.Relation(holder, e, RelationType.ShareholderOf, share);
                left -= share;
            }
        }
        var snapshot = builder.Build();
        var one = new ConglomerateGroups(snapshot, new ConglomerateGroupsParameters(Concurrency: 1)).Compute();
        var many = new ConglomerateGroups(snapshot, new ConglomerateGroupsParameters(Concurrency: 4)).Compute();
        Assert.True(one.GroupCount > 0);
        Assert.Equal(one.GroupOf, many.GroupOf);
        Assert.Equal(one.Controller, many.Controller);
        Assert.Equal(one.Depth, many.Depth);
    }
}
