using System.Diagnostics;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Serving;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Neo4j;

namespace RiskGraph.Training.Bench;

/// <summary>
/// The live-data path on the bench graph, in process (no HTTP; the API adds its request handling on top): a single
/// penalty or repair from the store write to the served state that shows it (<c>reflect_p99_ms</c>); sustained
/// ingestion of 1,000-record batches while 32 readers ask for warnings (<c>ingest_records_per_s</c>,
/// <c>ingest_read_p99_ms</c>); one background refresh, i.e. a rebuild from the store (<c>refresh_s</c>); and, when
/// NEO4J_URL names a server, ingestion into Neo4j (<c>ingest_neo4j_records_per_s</c>).
/// </summary>
internal static class LiveDataTimings
{
    private const int ReflectSamples = 200;
    private const int IngestBatches = 20;
    private const int IngestBatchSize = 1_000;
    private const int Readers = 32;

    public static async Task<BenchReport> MeasureAsync(
        IGraphStore store, ScoredGraph scored, BenchReport report, int seed, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var start = new FeedPoint(await store.LatestSequenceAsync(cancellationToken), DateTimeOffset.UtcNow);
        var state = new ServedState(scored.Snapshot, scored.Analytics, scored, null, start, start);
        int hubCap = new FeatureExtractorParameters().HubFanOutCap;
        var day = scored.Snapshot.AsOf;
        int next = 0;
        Penalty NewPenalty() => new($"BENCH-{++next:D8}", scored.Snapshot.Ids.KeyOf(random.Next(scored.Snapshot.EnterpriseCount)),
            PenaltyKind.Fine, 50_000, day, day, "bench");

        var reflect = new double[ReflectSamples];
        Penalty? last = null;
        for (int i = 0; i < reflect.Length; i++)
        {
            long begin = Stopwatch.GetTimestamp();
            // Alternately a new penalty and the repair that withdraws it: both change class, features and scores.
            if (last is null) await store.UpsertAsync<Penalty>([last = NewPenalty()], cancellationToken: cancellationToken);
            else
            {
                await store.AppendOnceAsync(new CreditRepair($"BR-{i}", last.RecordId, RepairMethod.Commitment, "bench", "bench", DateTimeOffset.UtcNow), cancellationToken);
                last = null;
            }
            state = (await FeedCatchUp.RunAsync(state, store, () => DateTimeOffset.UtcNow, hubCap, null, cancellationToken)).State;
            reflect[i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        }
        Array.Sort(reflect);
        log?.Report($"write to reflected: p50 {reflect[ReflectSamples / 2]:F1} ms, p99 {reflect[ReflectSamples * 99 / 100]:F1} ms");

        var served = state;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(() => Read(() => served, seed + r, stop.Token))).ToArray();
        var clock = Stopwatch.StartNew();
        for (int b = 0; b < IngestBatches; b++)
        {
            var batch = new Penalty[IngestBatchSize];
            for (int i = 0; i < batch.Length; i++) batch[i] = NewPenalty();
            await store.UpsertAsync<Penalty>(batch, cancellationToken: cancellationToken);
            served = (await FeedCatchUp.RunAsync(served, store, () => DateTimeOffset.UtcNow, hubCap, null, cancellationToken)).State;
        }
        double ingestSeconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        var latencies = (await Task.WhenAll(readers)).SelectMany(l => l).ToArray();
        Array.Sort(latencies);
        double rate = IngestBatches * IngestBatchSize / ingestSeconds;
        log?.Report($"ingested {rate:N0} records/s with {Readers} readers at p99 {latencies[latencies.Length * 99 / 100]:F2} ms");

        clock.Restart();
        var rebuilt = await GraphSnapshotLoader.LoadAsync(store, day, cancellationToken);
        var analytics = GraphAnalytics.Compute(rebuilt, new GraphAnalyticsParameters(report.Concurrency), cancellationToken);
        ScoredGraph.Build(rebuilt, scored.Model, scored.ModelVersion, analytics);
        double refresh = clock.Elapsed.TotalSeconds;
        log?.Report($"background refresh (rebuild from the store) {refresh:F1} s");

        return report with
        {
            ReflectP99Ms = reflect[ReflectSamples * 99 / 100],
            ReflectP50Ms = reflect[ReflectSamples / 2],
            IngestRecordsPerSecond = rate,
            IngestReadP99Ms = latencies[latencies.Length * 99 / 100],
            RefreshSeconds = refresh,
            IngestNeo4jRecordsPerSecond = await Neo4jIngestionAsync(scored.Snapshot, log, cancellationToken),
        };
    }

    private static List<double> Read(Func<ServedState> state, int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        var latencies = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var scored = state().Scored!;
            long begin = Stopwatch.GetTimestamp();
            scored.WarningFor(random.Next(scored.Snapshot.EnterpriseCount));
            latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            // A client waits for its answer to travel and be used before it asks again; without a pause, 32
            // spinning readers on a few cores would measure the scheduler, not the service.
            Thread.Sleep(1);
        }
        return latencies;
    }

    /// <summary>Penalty batches into Neo4j (its enterprises written first, untimed); null without a server.</summary>
    private static async Task<double?> Neo4jIngestionAsync(GraphSnapshot snapshot, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var options = Neo4jOptions.FromEnvironment();
        if (string.IsNullOrEmpty(options.Url)) return null;
        try
        {
            return await Neo4jBatchesAsync(snapshot, options, log, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The rest of the report stands; the Neo4j figure is left out with the reason.
            log?.Report($"Neo4j ingestion not measured: {e.Message}");
            return null;
        }
    }

    private static async Task<double?> Neo4jBatchesAsync(GraphSnapshot snapshot, Neo4jOptions options, IProgress<string>? log, CancellationToken cancellationToken)
    {
        await using var neo4j = new Neo4jGraphStore(options);
        await neo4j.InitializeAsync(cancellationToken);
        var enterprises = new Enterprise[snapshot.EnterpriseCount];
        for (int e = 0; e < enterprises.Length; e++)
            enterprises[e] = new Enterprise(snapshot.Ids.KeyOf(e), null, snapshot.Enterprises.Names[e], "C13", "110101", null, 1_000_000, EnterpriseStatus.InBusiness);
        await neo4j.UpsertAsync<Enterprise>(enterprises, cancellationToken: cancellationToken);
        var random = new Random(1);
        var clock = Stopwatch.StartNew();
        for (int b = 0; b < IngestBatches; b++)
        {
            var batch = new Penalty[IngestBatchSize];
            for (int i = 0; i < batch.Length; i++)
                batch[i] = new Penalty($"BENCH-N-{b:D3}-{i:D4}", enterprises[random.Next(enterprises.Length)].Uscc, PenaltyKind.Fine, 1, snapshot.AsOf, snapshot.AsOf, "bench");
            await neo4j.UpsertAsync<Penalty>(batch, cancellationToken: cancellationToken);
        }
        double rate = IngestBatches * IngestBatchSize / clock.Elapsed.TotalSeconds;
        log?.Report($"ingested {rate:N0} records/s into Neo4j at {options.Url}");
        return rate;
    }
}
