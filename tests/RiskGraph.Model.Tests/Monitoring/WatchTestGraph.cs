using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Monitoring;
using RiskGraph.Model.Serving;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Monitoring;

/// <summary>
/// <see cref="TinyGraph"/> in a store plus a hub person (nominee of E0 and 70 other enterprises), and the helper that
/// writes a change, loads the state after it and derives the events, as the serving core does.
/// </summary>
public sealed class WatchTestGraph : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 1, 15);
    public const string Hub = "p_hub0000000000000000000000";
    public static readonly string[] HubEnterprises = Enumerable.Range(0, 70).Select(i => Uscc.Compose('9', '1', "110105", $"MA{i:D7}")).ToArray();

    private readonly TempFolder _folder = new();

    public SqliteGraphStore Store { get; private set; } = null!;

    public GraphSnapshot Snapshot { get; private set; } = null!;

    public long Sequence { get; private set; }

    public static async Task<WatchTestGraph> CreateAsync()
    {
        var graph = new WatchTestGraph();
        graph.Store = await TinyGraph.CreateStoreAsync(graph._folder.File("store.db"));
        await graph.Store.UpsertAsync(HubEnterprises.Select(u => new Enterprise(u, null, "挂名" + u[^4..], "C36", "110105", new DateOnly(2016, 1, 1), 1e6,
            EnterpriseStatus.InBusiness)).ToList());
        await graph.Store.UpsertAsync<Person>([new(Hub, "王挂名", "110***********0011")]);
        await graph.Store.UpsertAsync(HubEnterprises.Append(TinyGraph.E[0]).Select(u => new Executive(Hub, u, "supervisor")).ToList());
        await graph.ReloadAsync();
        return graph;
    }

    public async Task ReloadAsync()
    {
        Sequence = await Store.LatestSequenceAsync();
        Snapshot = await GraphSnapshotLoader.LoadAsync(Store, Today);
    }

    public static WatchedList Watch(GraphSnapshot snapshot, int radius, params string[] members) =>
        new(new WatchList("wl_test" + radius, "test", "analyst", "dept", radius, null, DateTimeOffset.MinValue, members.Length),
            WatchIndex.Build(snapshot, members, radius));

    /// <summary>Runs <paramref name="write"/> on the store, then derives what the transition from the state before to the state after gives.</summary>
    public async Task<(ServingTransition Transition, WatchDerivation Derivation)> AfterAsync(
        Func<SqliteGraphStore, Task> write, int radius = 1, IReadOnlyDictionary<string, IReadOnlyList<string>>? recordEvents = null, params string[] members)
    {
        var before = new ServingPoint(Snapshot, null, null, Sequence);
        await write(Store);
        await ReloadAsync();
        var changes = await Store.ReadChangesAsync(before.Sequence, 1000);
        var transition = new ServingTransition(before, new ServingPoint(Snapshot, null, null, Sequence), changes, DateTimeOffset.UtcNow);
        var lists = new[] { Watch(Snapshot, radius, members.Length == 0 ? [TinyGraph.E[0]] : members) };
        return (transition, WatchEventDeriver.Derive(transition, lists, recordEvents ?? new Dictionary<string, IReadOnlyList<string>>()));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _folder.Dispose();
    }
}
