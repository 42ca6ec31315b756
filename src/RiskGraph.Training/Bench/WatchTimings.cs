using System.Diagnostics;
using System.Text.Json;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Monitoring;
using RiskGraph.Model.Serving;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Training.Bench;

/// <summary>
/// Watch lists (issue #20): 10 lists of up to 100,000 members (a tenth of the enterprises each when there are fewer than
/// a million), radius 1. A batch of 10,000 penalties is written to the bench store and the snapshot loaded again (set-up,
/// not timed); then the events of that transition are derived from the two states and the change feed, with the indexes
/// built beforehand, as the service keeps them (<c>watch_events_s</c>). The events are stored, and the feed is read back
/// by cursor, 1,000 a page, each event's detail parsed as the API does (<c>watch_feed_events_per_s</c>). No model is
/// trained in this step, so level crossings are not part of the batch.
/// </summary>
public static class WatchTimings
{
    public const int Lists = 10;
    public const int MaxMembers = 100_000;
    public const int Changes = 10_000;

    public static async Task<BenchReport> MeasureAsync(GraphSnapshot before, string folder, int seed, BenchReport report, IProgress<string>? log,
        CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        int enterprises = before.EnterpriseCount, members = Math.Min(MaxMembers, Math.Max(1, enterprises / Lists));
        var after = before;
        long beforeSequence, afterSequence;
        IReadOnlyList<Model.Storage.StoreChange> changes;
        await using (var store = new SqliteGraphStore(Path.Combine(folder, "bench.db")))
        {
            beforeSequence = await store.LatestSequenceAsync(cancellationToken);
            var penalties = new Penalty[Changes];
            for (int i = 0; i < penalties.Length; i++)
            {
                penalties[i] = new Penalty($"WATCH-{i:D6}", before.Ids.KeyOf(random.Next(enterprises)), PenaltyKind.Fine, 10_000 + random.Next(90_000),
                    before.AsOf.AddDays(-3), before.AsOf.AddDays(-1), "bench");
            }
            afterSequence = await store.UpsertAsync(penalties, cancellationToken: cancellationToken);
            changes = await store.ReadChangesAsync(beforeSequence, 1000, cancellationToken);
            after = await GraphSnapshotLoader.LoadAsync(store, before.AsOf, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var lists = new WatchedList[Lists];
        for (int l = 0; l < Lists; l++)
        {
            var codes = new string[members];
            for (int m = 0; m < members; m++) codes[m] = after.Ids.KeyOf(random.Next(enterprises));
            var list = new WatchList($"wl_bench{l}", $"bench {l}", "bench", "bench", 1, null, DateTimeOffset.MinValue, members);
            lists[l] = new WatchedList(list, WatchIndex.Build(after, codes, 1));
        }
        double indexSeconds = clock.Elapsed.TotalSeconds;

        var transition = new ServingTransition(new ServingPoint(before, null, null, beforeSequence), new ServingPoint(after, null, null, afterSequence),
            changes, DateTimeOffset.UtcNow);
        var withdrawn = new Dictionary<string, IReadOnlyList<string>>();
        // As the service runs it: warm (an untimed first run takes the JIT and first touches), and without the
        // collection debt of the set-up's second snapshot; the best of three, as for PageRank.
        var derivation = WatchEventDeriver.Derive(transition, lists, withdrawn);
        double deriveSeconds = double.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            derivation = null!;
            GC.Collect();
            clock.Restart();
            derivation = WatchEventDeriver.Derive(transition, lists, withdrawn);
            deriveSeconds = Math.Min(deriveSeconds, clock.Elapsed.TotalSeconds);
        }
        log?.Report($"watch lists: {Lists} × {members:N0} members, radius 1, indexes {indexSeconds:F2} s; {Changes:N0} changes → " +
                    $"{derivation.Events.Count:N0} events, {derivation.History.Count:N0} history points in {deriveSeconds:F3} s");

        var watchStore = new SqliteWatchStore(Path.Combine(folder, "watch.db"));
        await watchStore.InitializeAsync(cancellationToken);
        clock.Restart();
        await watchStore.AppendAsync(derivation.Events, derivation.History, afterSequence, cancellationToken);
        double storeSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        long read = 0;
        foreach (var watched in lists)
        {
            for (long cursor = 0; ;)
            {
                var page = await watchStore.ReadEventsAsync(watched.List.Id, cursor, 1000, cancellationToken);
                if (page.Count == 0) break;
                foreach (var e in page)
                {
                    using var detail = JsonDocument.Parse(e.Detail);
                    read += detail.RootElement.GetProperty("path").GetProperty("nodes").GetArrayLength() > 0 ? 1 : 0;
                }
                cursor = page[^1].Position;
            }
        }
        double feedSeconds = clock.Elapsed.TotalSeconds;
        log?.Report($"watch feed: stored in {storeSeconds:F2} s, read {read:N0} events by cursor in {feedSeconds:F2} s");
        return report with
        {
            WatchMembers = members,
            WatchIndexSeconds = indexSeconds,
            WatchEvents = derivation.Events.Count,
            WatchEventsSeconds = deriveSeconds,
            WatchStoreSeconds = storeSeconds,
            WatchFeedEventsPerSecond = feedSeconds > 0 ? read / feedSeconds : 0,
        };
    }
}
