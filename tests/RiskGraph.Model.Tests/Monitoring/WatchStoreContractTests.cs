using RiskGraph.Model.Monitoring;
using RiskGraph.Model.Tests.Storage;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Monitoring;

/// <summary>The watch store's contract, run on the embedded store and on a real Neo4j server.</summary>
public abstract class WatchStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);

    protected abstract Task<IWatchStore> CreateStoreAsync();

    protected static WatchList List(string id, string owner) => new(id, "重点企业", owner, "信用处", 1, "medium", T0, 0);

    protected static WatchEvent Event(string id, string list, int minutes, string? record = null) =>
        new(0, id, list, "M", "E", WatchEventKinds.Penalty, 7, T0.AddMinutes(minutes), record, Detail);

    // Not ASCII only: the detail is kept as UTF-8 and must come back byte for byte.
    private static readonly byte[] Detail = """{"enterprise_name":"天津某某商贸有限公司","path":{"nodes":[],"edges":[]},"hops":0}"""u8.ToArray();

    protected async Task ListsAreStoredPerOwner_AndTheirMembersChange()
    {
        var store = await CreateStoreAsync();
        long version = await store.ListsVersionAsync();
        await store.CreateListAsync(List("wl_a", "ana"), ["A", "B", "C"]);
        await store.CreateListAsync(List("wl_b", "bob"), ["A"]);

        Assert.True(await store.ListsVersionAsync() > version);
        var a = await store.FindListAsync("wl_a");
        Assert.Equal(("重点企业", "ana", 1, "medium", 3, T0), (a!.Name, a.Owner, a.Radius, a.MinLevel, a.MemberCount, a.CreatedAt));
        Assert.Equal(["wl_a"], (await store.ListsAsync("ana")).Select(l => l.Id));
        Assert.Equal(2, (await store.ListsAsync(null)).Count);

        Assert.Equal(4, await store.ChangeMembersAsync("wl_a", ["C", "D"], remove: false));
        Assert.Equal(2, await store.ChangeMembersAsync("wl_a", ["A", "C", "X"], remove: true));
        Assert.Equal(["B", "D"], await store.MembersAsync("wl_a"));
        Assert.True((await store.FindListAsync("wl_a"))!.Revision > a.Revision);

        Assert.True(await store.DeleteListAsync("wl_a"));
        Assert.False(await store.DeleteListAsync("wl_a"));
        Assert.Null(await store.FindListAsync("wl_a"));
        Assert.Empty(await store.MembersAsync("wl_a"));
    }

    protected async Task EventsAreNumberedInOrder_StoredOnce_AndQueuedForTheWebhooksOfTheirList()
    {
        var store = await CreateStoreAsync();
        await store.CreateListAsync(List("wl_a", "ana"), ["M"]);
        await store.AddWebhookAsync(new WebhookSubscription("wh_1", "wl_a", "http://127.0.0.1:9/hook", "whsec_x", T0));

        Assert.Equal(2, await store.AppendAsync([Event("ev_1", "wl_a", 1, "P-1"), Event("ev_2", "wl_a", 2), Event("ev_1", "wl_a", 1, "P-1")], [], 7));
        Assert.Equal(1, await store.AppendAsync([Event("ev_2", "wl_a", 2), Event("ev_3", "wl_a", 3)], [], 5));
        Assert.Equal(7, await store.DerivedThroughAsync());

        var all = await store.ReadEventsAsync("wl_a", 0, 10);
        Assert.Equal(["ev_1", "ev_2", "ev_3"], all.Select(e => e.Id));
        Assert.True(all[0].Position < all[1].Position && all[1].Position < all[2].Position);
        Assert.Equal(["ev_3"], (await store.ReadEventsAsync("wl_a", all[1].Position, 10)).Select(e => e.Id));
        Assert.Equal(all[2].Position, await store.LatestPositionAsync("wl_a"));
        Assert.Equal(2, await store.CountEventsSinceAsync("wl_a", T0.AddMinutes(2)));
        Assert.Equal(["wl_a"], await store.ListsWithRecordEventAsync("P-1"));
        Assert.Equal(T0.AddMinutes(1), (await store.FindEventAsync("ev_1"))!.At);
        Assert.Equal(Detail, all[0].Detail);

        var due = await store.DueDeliveriesAsync(T0.AddHours(1), 10);
        Assert.Equal(["ev_1", "ev_2", "ev_3"], due.Select(d => d.EventId));
        await store.RecordDeliveryAsync(due[0] with { State = "delivered", Attempts = 1, LastStatus = 200, DeliveredAt = T0.AddHours(1) });
        await store.RecordDeliveryAsync(due[1] with { Attempts = 1, LastStatus = 500, LastError = "HTTP 500", NextAt = T0.AddHours(2) });
        Assert.Equal(["ev_3"], (await store.DueDeliveriesAsync(T0.AddHours(1), 10)).Select(d => d.EventId));
        var recorded = await store.DeliveriesAsync("wh_1", 10);
        Assert.Equal(("delivered", 200), (recorded.Single(d => d.EventId == "ev_1").State, recorded.Single(d => d.EventId == "ev_1").LastStatus));
        Assert.Equal("HTTP 500", recorded.Single(d => d.EventId == "ev_2").LastError);
        Assert.Equal("whsec_x", (await store.FindWebhookAsync("wh_1"))!.Secret);

        await store.DeleteListAsync("wl_a");
        Assert.Empty(await store.ReadEventsAsync("wl_a", 0, 10));
        Assert.Empty(await store.DueDeliveriesAsync(T0.AddDays(1), 10));
    }

    protected async Task HistoryIsReadByEnterpriseAndTime()
    {
        var store = await CreateStoreAsync();
        HistoryPoint Point(string id, int day) => new(id, "U1", T0.AddDays(day), day, "good", "dishonest", "red.up_to_5_penalties", 0.05, 0.2, "low", "medium", "[\"P-1\"]");
        await store.AppendAsync([], [Point("h1", 0), Point("h2", 2), Point("h1", 0)], 3);
        var points = await store.HistoryAsync("U1", T0.AddDays(1), T0.AddDays(3));
        var point = Assert.Single(points);
        Assert.Equal(("h2", 0.2, "medium", "[\"P-1\"]"), (point.Id, point.ScoreAfter, point.LevelAfter, point.Causes));
        Assert.Equal(2, (await store.HistoryAsync("U1", T0.AddDays(-1), T0.AddDays(3))).Count);
        Assert.Empty(await store.HistoryAsync("U2", T0.AddDays(-1), T0.AddDays(3)));
    }
}

public sealed class SqliteWatchStoreContractTests : WatchStoreContractTests, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override async Task<IWatchStore> CreateStoreAsync()
    {
        var store = new SqliteWatchStore(_folder.File($"{Guid.NewGuid():N}.db"));
        await store.InitializeAsync();
        return store;
    }

    [Fact]
    public Task Lists_are_stored_per_owner_and_their_members_change() => ListsAreStoredPerOwner_AndTheirMembersChange();

    [Fact]
    public Task Events_are_numbered_in_order_stored_once_and_queued_for_webhooks() => EventsAreNumberedInOrder_StoredOnce_AndQueuedForTheWebhooksOfTheirList();

    [Fact]
    public Task History_is_read_by_enterprise_and_time() => HistoryIsReadByEnterpriseAndTime();

    [Fact]
    public async Task The_detail_is_stored_as_text_so_the_database_reads_as_json()
    {
        string path = _folder.File("typed.db");
        var store = new SqliteWatchStore(path);
        await store.InitializeAsync();
        await store.CreateListAsync(List("wl_a", "ana"), ["M"]);
        await store.AppendAsync([Event("ev_1", "wl_a", 1)], [], 1);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(detail), json_extract(detail, '$.enterprise_name') FROM watch_event";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("text", "天津某某商贸有限公司"), (reader.GetString(0), reader.GetString(1)));
    }

    public void Dispose() => _folder.Dispose();
}

[Collection(Neo4jCollection.Name)]
public sealed class Neo4jWatchStoreContractTests : WatchStoreContractTests
{
    protected override async Task<IWatchStore> CreateStoreAsync()
    {
        var store = new Neo4jWatchStore(await Neo4jTestServer.CreateEmptyStoreAsync());
        await store.InitializeAsync();
        return store;
    }

    [Neo4jFact]
    public Task Lists_are_stored_per_owner_and_their_members_change() => ListsAreStoredPerOwner_AndTheirMembersChange();

    [Neo4jFact]
    public Task Events_are_numbered_in_order_stored_once_and_queued_for_webhooks() => EventsAreNumberedInOrder_StoredOnce_AndQueuedForTheWebhooksOfTheirList();

    [Neo4jFact]
    public Task History_is_read_by_enterprise_and_time() => HistoryIsReadByEnterpriseAndTime();
}
