using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Supervision;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Supervision;

public class SupervisionTests
{
    // Seed 002: good credit and low risk → lower ratio; average → the usual; dishonest or high risk → higher.
    [Theory]
    [InlineData(CreditClass.Good, null, RiskTier.Low)]
    [InlineData(CreditClass.Good, "low", RiskTier.Low)]
    [InlineData(CreditClass.Good, "medium", RiskTier.Normal)]
    [InlineData(CreditClass.Good, "high", RiskTier.High)]
    [InlineData(CreditClass.Good, "critical", RiskTier.High)]
    [InlineData(CreditClass.Warning, "low", RiskTier.High)]
    [InlineData(CreditClass.SeriouslyDishonest, null, RiskTier.High)]
    public void Tiers_CombineTheClassWithTheWarningLevel(CreditClass cls, string? level, RiskTier tier) => Assert.Equal(tier, SpotCheckPlanner.TierOf(cls, level));

    [Fact]
    public async Task TheDraw_IsAPureFunctionOfItsInputs_AndAvoidsPairsAlreadyAssigned()
    {
        using var folder = new TempFolder();
        var snapshot = await TinyGraph.SnapshotAsync(folder.File("store.db"));
        string[] pool = ["甲", "乙", "丙"];
        var month = new DateOnly(2026, 1, 1);
        var a = SpotCheckPlanner.Draw(snapshot, null, "A", month, null, 5, pool, new HashSet<(string, string)>());
        var b = SpotCheckPlanner.Draw(snapshot, null, "B", month, null, 5, pool, new HashSet<(string, string)>());
        Assert.Equal(a.Draw.Select(d => (d.Uscc, string.Join(",", d.Inspectors))), b.Draw.Select(d => (d.Uscc, string.Join(",", d.Inspectors))));
        // Every non-good enterprise of the tiny graph is in the high tier; 20 % of 3 rounds up to one.
        Assert.Equal(1, a.Tiers.Single(t => t.Tier == RiskTier.High).Drawn);

        var taken = a.Draw.SelectMany(d => d.Inspectors.Select(i => (d.Uscc, i))).ToHashSet();
        var c = SpotCheckPlanner.Draw(snapshot, null, "C", month, null, 5, pool, taken);
        Assert.All(c.Draw.Where(d => a.Draw.Any(x => x.Uscc == d.Uscc)), d => Assert.DoesNotContain(d.Inspectors, i => taken.Contains((d.Uscc, i))));
        Assert.Throws<ArgumentException>(() => SpotCheckPlanner.Draw(snapshot, null, "D", month, null, 5, ["甲"], new HashSet<(string, string)>()));
    }

    [Fact]
    public async Task APersonCheck_FindsEntriesInForce_AndTheEnterprisesRepresentedOrManaged()
    {
        using var folder = new TempFolder();
        var snapshot = await TinyGraph.SnapshotAsync(folder.File("store.db"));
        var index = new PersonListIndex(
        [
            new("PL-1", TinyGraph.P0, PersonListType.DishonestJudgmentDebtor, snapshot.AsOf.AddDays(-10), null, "法院"),
            new("PL-2", TinyGraph.P0, PersonListType.RestrictedExecutive, snapshot.AsOf.AddYears(-3), snapshot.AsOf.AddYears(-2), "市场监管局"),
        ]);

        var result = PersonChecks.Check(snapshot, index, TinyGraph.P0);

        Assert.True(result.InGraph);
        Assert.Equal("PL-1", Assert.Single(result.EntriesInForce).RecordId);
        Assert.Equal(
            [(TinyGraph.E[0], RelationType.LegalRepresentativeOf), (TinyGraph.E[4], RelationType.ExecutiveOf)],
            result.Enterprises.Select(r => (snapshot.Ids.KeyOf(r.Enterprise), r.Role)).Order().ToArray());
        var officer = Assert.Single(PersonChecks.ListedOfficersOf(snapshot, index, snapshot.Ids.IdOf(TinyGraph.E[4])));
        Assert.Equal(RelationType.ExecutiveOf, officer.Role);
        Assert.Empty(PersonChecks.ListedOfficersOf(snapshot, index, snapshot.Ids.IdOf(TinyGraph.E[1])));
        Assert.False(PersonChecks.Check(snapshot, index, "p_unknown").InGraph);
    }

    [Fact]
    public async Task TheRedList_IsPublishedOnlyWhileTheEnterpriseIsGood()
    {
        using var folder = new TempFolder();
        await using (var store = await TinyGraph.CreateStoreAsync(folder.File("store.db")))
        {
            await store.UpsertAsync<ListEntry>(
            [
                new("R-0", TinyGraph.E[0], ListType.RedList, new DateOnly(2025, 1, 1), null, "信用办"),
                new("R-1", TinyGraph.E[1], ListType.RedList, new DateOnly(2025, 1, 1), null, "信用办"),
            ]);
        }
        await using var reopened = new RiskGraph.Model.Storage.Sqlite.SqliteGraphStore(folder.File("store.db"));
        var snapshot = await RiskGraph.Model.Graph.GraphSnapshotLoader.LoadAsync(reopened);
        var red = ListPublication.InForce(snapshot, snapshot.Ledger, ListPublication.Red, null);
        // E1 has a fine in force (dishonest), so only E0 is published on the red list.
        Assert.Equal(["R-0"], red.Select(e => e.Entry.RecordId));
        Assert.Equal(["L-1"], ListPublication.InForce(snapshot, snapshot.Ledger, "abnormal_operation", "32").Select(e => e.Entry.RecordId));
        Assert.Empty(ListPublication.InForce(snapshot, snapshot.Ledger, "abnormal_operation", "31"));
    }
}
