using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Monitoring;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Monitoring;

public class WatchIndexTests
{
    private static int[] Watched(GraphSnapshot snapshot, int radius, params string[] members) =>
        WatchIndex.Build(snapshot, members, radius).Watched.Order().ToArray();

    private static int Id(GraphSnapshot s, string key) => s.Ids.IdOf(key);

    [Fact]
    public async Task Radius_CountsHopsThroughRelationsAndSharedPersons_AndNeverExpandsAHubPerson()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        var s = graph.Snapshot;
        string[] e = TinyGraph.E;

        Assert.Equal([Id(s, e[0])], Watched(s, 0, e[0]));
        // E1 supplies E0, E0 supplies and holds E2, E0 shares its legal representative P0 with E4 (its director): one hop each.
        // The hub person links E0 to 70 enterprises but has more than 64 relations, so none of them is watched.
        Assert.Equal(new[] { e[0], e[1], e[2], e[4] }.Select(u => Id(s, u)).Order(), Watched(s, 1, e[0]));
        // E3 is guaranteed by E2: two hops.
        Assert.Equal(new[] { e[0], e[1], e[2], e[3], e[4] }.Select(u => Id(s, u)).Order(), Watched(s, 2, e[0]));
        Assert.DoesNotContain(Id(s, WatchTestGraph.HubEnterprises[0]), Watched(s, 2, e[0]));
    }

    [Fact]
    public async Task AHubEnterpriseReachedIsWatched_ButNotExpanded_WhileAHubMemberIsExpanded()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        await graph.Store.UpsertAsync(WatchTestGraph.HubEnterprises.Select(u => new SupplyLink(TinyGraph.E[5], u, 1000)).ToList());
        await graph.Store.UpsertAsync<Guarantee>([new(TinyGraph.E[3], TinyGraph.E[5], 1000)]);
        await graph.ReloadAsync();
        var s = graph.Snapshot;

        // E5 now supplies 70 enterprises: from E3 it is one hop and watched, but the 70 behind it are not (radius 2).
        int[] fromE3 = Watched(s, 2, TinyGraph.E[3]);
        Assert.Contains(Id(s, TinyGraph.E[5]), fromE3);
        Assert.DoesNotContain(Id(s, WatchTestGraph.HubEnterprises[0]), fromE3);
        // As a member, E5 is expanded: its 70 buyers are within radius 1 (and E3).
        Assert.Equal(72, Watched(s, 1, TinyGraph.E[5]).Length); // itself, its 70 buyers and E3, its guarantor
    }

    [Fact]
    public async Task ThePathOfAWatchedEnterprise_RunsFromItsMemberThroughTheSharedPerson()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        var s = graph.Snapshot;
        var index = WatchIndex.Build(s, [TinyGraph.E[0], "91310115MA0000999X"], 2);

        int e4 = Id(s, TinyGraph.E[4]), e3 = Id(s, TinyGraph.E[3]);
        Assert.Equal(1, index.MemberCount);
        Assert.Equal(Id(s, TinyGraph.E[0]), index.MemberOf(e3));
        Assert.Equal([Id(s, TinyGraph.E[0]), Id(s, TinyGraph.P0), e4], index.PathTo(e4));
        Assert.Equal([Id(s, TinyGraph.E[0]), Id(s, TinyGraph.E[2]), e3], index.PathTo(e3));
        var steps = WatchIndex.StepsOf(s.Graph, index.PathTo(e3));
        Assert.Equal(RelationType.Guarantees, steps[1].Type);
        Assert.True(steps[1].Forward);
    }
}
