using System.Threading.Channels;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Monitoring;
using RiskGraph.Model.Serving;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Monitoring;

/// <summary>
/// Turns serving transitions into stored watch-list events and history. Transitions are queued (the swap does not
/// wait) and processed one at a time in order. Each list's <see cref="WatchIndex"/> is kept between transitions and
/// built again only when the list's members change or a transition changes the graph's structure (relations,
/// enterprises, persons, a bulk import); a batch of records reuses them. The store remembers the change sequence
/// derived through, so changes committed while no process was deriving (a restart) are derived on the next state.
/// </summary>
public sealed class WatchMonitor(IWatchStore store, IGraphStore graphStore, WatchFeedSignal signal, ILogger<WatchMonitor> logger)
    : BackgroundService, IServingStateListener
{
    private static readonly HashSet<string> StructuralTypes = new(StringComparer.Ordinal)
    {
        "Enterprise", "Person", "Shareholding", "SupplyLink", "Guarantee", "LegalRepresentative", "Executive",
    };

    private readonly Channel<ServingTransition> _queue = Channel.CreateUnbounded<ServingTransition>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, WatchedList> _indexes = new(StringComparer.Ordinal);
    private long _listsVersion = -1;
    private int _indexedNodes = -1;
    private long _processed;
    private bool _initialized;

    /// <summary>Transitions fully processed (events stored), for tests and health.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    public void OnStateAdvanced(ServingTransition transition) => _queue.Writer.TryWrite(transition);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var transition in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ProcessAsync(transition, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store cursor stays where it was: the next transition derives these changes again (ids dedupe).
                logger.LogError(e, "Deriving watch-list events for sequence {Sequence} failed", transition.After.Sequence);
            }
            Interlocked.Increment(ref _processed);
        }
    }

    /// <summary>Derives and stores the events of one transition; returns how many were new.</summary>
    public async Task<int> ProcessAsync(ServingTransition transition, CancellationToken cancellationToken)
    {
        if (transition.After.Snapshot is not { } snapshot) return 0;
        if (!_initialized)
        {
            await store.InitializeAsync(cancellationToken);
            _initialized = true;
        }
        transition = await WithMissedChangesAsync(transition, cancellationToken);
        bool structural = transition.Before is null || _indexedNodes != snapshot.Graph.NodeCount;
        foreach (var change in transition.Changes) structural |= change.IsBulk || StructuralTypes.Contains(change.RecordType);
        await RefreshIndexesAsync(snapshot, structural, cancellationToken);
        var lists = _indexes.Values.ToArray();

        var withdrawn = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (string record in WatchEventDeriver.WithdrawnRecords(transition))
            withdrawn[record] = await store.ListsWithRecordEventAsync(record, cancellationToken);
        var derivation = WatchEventDeriver.Derive(transition, lists, withdrawn);
        // A list hears of what happened after it was created, not of older changes derived late.
        var created = lists.ToDictionary(l => l.List.Id, l => l.List.CreatedAt, StringComparer.Ordinal);
        var events = derivation.Events.Where(e => e.At >= created[e.ListId]).ToArray();
        int stored = await store.AppendAsync(events, derivation.History, transition.After.Sequence, cancellationToken);
        if (stored > 0) signal.Pulse();
        logger.LogDebug("Sequence {Sequence}: {Changes} changes, {Lists} lists, {Events} events ({Stored} new), {History} history points",
            transition.After.Sequence, transition.Changes.Count, lists.Length, events.Length, stored, derivation.History.Count);
        return stored;
    }

    private async Task<ServingTransition> WithMissedChangesAsync(ServingTransition transition, CancellationToken cancellationToken)
    {
        long derived = await store.DerivedThroughAsync(cancellationToken);
        long from = transition.Before?.Sequence ?? transition.After.Sequence;
        if (derived >= from) return transition;
        var missed = new List<StoreChange>();
        for (long since = derived; since < from;)
        {
            var page = await graphStore.ReadChangesAsync(since, 1000, cancellationToken);
            if (page.Count == 0) break;
            foreach (var change in page) if (change.Sequence <= from) missed.Add(change);
            since = page[^1].Sequence;
        }
        if (missed.Count == 0) return transition;
        logger.LogInformation("Deriving watch-list events of {Count} changes committed while no process derived them", missed.Count);
        missed.AddRange(transition.Changes);
        return transition with { Changes = missed };
    }

    private async Task RefreshIndexesAsync(GraphSnapshot snapshot, bool structural, CancellationToken cancellationToken)
    {
        long version = await store.ListsVersionAsync(cancellationToken);
        if (!structural && version == _listsVersion) return;
        var lists = await store.ListsAsync(null, cancellationToken);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            keep.Add(list.Id);
            if (!structural && _indexes.TryGetValue(list.Id, out var known) && known.List.Revision == list.Revision)
            {
                _indexes[list.Id] = known with { List = list };
                continue;
            }
            var members = await store.MembersAsync(list.Id, cancellationToken);
            _indexes[list.Id] = new WatchedList(list, WatchIndex.Build(snapshot, members, list.Radius));
        }
        foreach (string id in _indexes.Keys.Where(id => !keep.Contains(id)).ToArray()) _indexes.Remove(id);
        _listsVersion = version;
        _indexedNodes = snapshot.Graph.NodeCount;
    }
}
