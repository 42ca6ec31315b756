using System.Diagnostics;
using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Training.Pipelines;
using RiskGraph.Training.Synthetic;

namespace RiskGraph.Training.Bench;

/// <summary>
/// The measuring code behind the <c>bench</c> verb: generates the synthetic graph into a temporary folder,
/// imports it into a temporary SQLite store, loads the snapshot the way the service does, then runs every graph
/// algorithm and the feature extraction once, one after the other, and QuikGraph's PageRank last (its object graph
/// would otherwise dominate the peak memory figure). Temporary files are deleted at the end.
/// </summary>
public static class GraphBench
{
    /// <summary>Iterations timed per PageRank measurement (tolerance 0, so exactly this many run).</summary>
    private const int PageRankIterations = 20;

    private static readonly TimeSpan QuikGraphBudget = TimeSpan.FromSeconds(30);

    public static BenchReport Run(int enterprises, int seed, IProgress<string>? log, int concurrency = AnalyticsConcurrency.Auto) =>
        RunAsync(enterprises, seed, log, concurrency).GetAwaiter().GetResult();

    /// <param name="concurrency">Threads for every algorithm; <see cref="AnalyticsConcurrency.Auto"/> means one per processor.</param>
    public static async Task<BenchReport> RunAsync(
        int enterprises, int seed, IProgress<string>? log, int concurrency = AnalyticsConcurrency.Auto, CancellationToken cancellationToken = default)
    {
        NodeBatches.CheckConcurrency(concurrency = AnalyticsConcurrency.Resolve(concurrency));
        string folder = Path.Combine(Path.GetTempPath(), $"riskgraph-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var meter = new StageMeter();
            meter.Begin();
            SyntheticGraphGenerator.Generate(new SyntheticOptions(enterprises, seed), Path.Combine(folder, "csv"), log);
            double generate = meter.End("generate");

            GraphSnapshot snapshot;
            LabelVector labels;
            double import, load;
            await using (var store = new SqliteGraphStore(Path.Combine(folder, "bench.db")))
            {
                // A fixed key: the bench never stores real ID numbers, and the same seed should give the same store.
                var hasher = new PersonKeyHasher(new byte[32]);
                meter.Begin();
                await new CsvImporter(store, hasher).ImportFolderAsync(Path.Combine(folder, "csv"), null, cancellationToken);
                import = meter.End("import");
                meter.Begin();
                snapshot = await GraphSnapshotLoader.LoadAsync(store, cancellationToken: cancellationToken);
                load = meter.End("load");
                labels = await LabelVector.LoadAsync(store, snapshot, cancellationToken);
            }
            log?.Report($"{snapshot.Graph.NodeCount:N0} nodes, {snapshot.Graph.EdgeCount / 2:N0} relations: generated {generate:F1} s, imported {import:F1} s, loaded {load:F1} s");

            var report = new BenchReport
            {
                Enterprises = enterprises,
                Seed = seed,
                Concurrency = concurrency,
                Nodes = snapshot.Graph.NodeCount,
                Edges = snapshot.Graph.EdgeCount / 2,
                GenerateSeconds = generate,
                ImportSeconds = import,
                LoadSeconds = load,
            };
            meter.Begin();
            report = AlgorithmTimings.Measure(snapshot, report, folder, log, cancellationToken);
            meter.End("algorithms");
            report = PatternTimings.Measure(snapshot, report, log, cancellationToken);
            report = ScoringTimings.Measure(snapshot, labels, seed, report, meter, log, out var scored);
            await using (var store = new SqliteGraphStore(Path.Combine(folder, "bench.db")))
                report = await LiveDataTimings.MeasureAsync(store, scored, report, seed, log, cancellationToken);
            report = await WatchTimings.MeasureAsync(snapshot, folder, seed, report, log, cancellationToken);
            // The largest stage peak; with per-stage resets the process's own figure would only cover the last stage.
            report = report with { PeakWorkingSetMb = meter.PeaksPerStage ? meter.PeakMb : PeakWorkingSetMb(), Stages = meter.Stages };

            meter.Begin();
            var quik = QuikGraphComparison.Run(snapshot.Graph, snapshot.EnterpriseCount, QuikGraphBudget, concurrency, log);
            return report with
            {
                QuikGraphPageRankMsPerIteration = quik.QuikGraphMsPerIteration,
                QuikGraphNodes = quik.Nodes,
                QuikGraphEdges = quik.Edges,
                PageRankMsPerIterationOnQuikGraphGraph = quik.OursMsPerIteration,
                PageRankSpeedupVsQuikGraph = quik.QuikGraphMsPerIteration / quik.OursMsPerIteration,
                PeakWorkingSetWithQuikGraphMb = Math.Max(report.PeakWorkingSetMb, PeakWorkingSetMb()),
            };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Leaving a temp folder behind must not turn a finished measurement into a failure.
            }
        }
    }

    /// <summary>
    /// Milliseconds per PageRank iteration: the best of three timed runs after an untimed warm-up (JIT, page
    /// faults on fresh arrays). The best rather than the mean, because on a shared machine other processes only
    /// ever add time.
    /// </summary>
    internal static double PageRankMsPerIteration(CsrGraph graph, bool weighted, int concurrency)
    {
        var parameters = new PageRankParameters(MaxIterations: PageRankIterations, Tolerance: 0, Weighted: weighted, Concurrency: concurrency);
        new PageRank(graph, parameters with { MaxIterations = 2 }).Compute();
        double best = double.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            new PageRank(graph, parameters).Compute();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds / PageRankIterations);
        }
        return best;
    }

    internal static double Lap(Stopwatch clock)
    {
        double seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }

    private static double PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
