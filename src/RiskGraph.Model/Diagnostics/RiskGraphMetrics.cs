using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RiskGraph.Model.Diagnostics;

/// <summary>
/// The model library's own instruments (System.Diagnostics.Metrics, no exporter here): the API's OpenTelemetry set-up
/// listens to <see cref="MeterName"/> and exports them with the API's instruments, to OTLP and /metrics.
/// One static meter, because the audit writer and the Neo4j client are created outside any DI container (the CLI too).
/// </summary>
public static class RiskGraphMetrics
{
    public const string MeterName = "RiskGraph";

    public static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>
    /// Bucket bounds in seconds, 100 µs to 60 s. Without them an exporter falls back to OpenTelemetry's default bounds
    /// (0, 5, 10, … 10,000), which are meant for milliseconds and would put every commit of a few hundred µs in one bucket.
    /// </summary>
    public static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    };

    public static readonly Histogram<double> AuditCommitDuration = Meter.CreateHistogram<double>(
        "riskgraph.audit.commit.duration", "s", "Time to commit one group of audit entries (one SQLite transaction).", tags: null, advice: SecondsBuckets);

    public static readonly Counter<long> AuditEntries = Meter.CreateCounter<long>(
        "riskgraph.audit.entries", "{entry}", "Audit entries committed.");

    public static readonly Histogram<double> Neo4jRequestDuration = Meter.CreateHistogram<double>(
        "riskgraph.neo4j.request.duration", "s", "Time of one HTTP request to Neo4j, each attempt counted.", tags: null, advice: SecondsBuckets);

    public static readonly Counter<long> Neo4jRetries = Meter.CreateCounter<long>(
        "riskgraph.neo4j.retries", "{retry}", "Neo4j requests sent again after a transient failure.");

    public static readonly Histogram<double> RefreshDuration = Meter.CreateHistogram<double>(
        "riskgraph.snapshot.refresh.duration", "s", "Time to rebuild the served state (snapshot, analytics, scores) after a change.", tags: null, advice: SecondsBuckets);

    private static long _lastRefresh = Stopwatch.GetTimestamp();

    /// <summary>Records a completed refresh of the served state that started at <paramref name="startTimestamp"/>.</summary>
    public static void RecordRefresh(long startTimestamp)
    {
        RefreshDuration.Record(SecondsSince(startTimestamp));
        Interlocked.Exchange(ref _lastRefresh, Stopwatch.GetTimestamp());
    }

    /// <summary>Seconds since the served state was last rebuilt in this process (since start-up before the first).</summary>
    public static double SecondsSinceLastRefresh => SecondsSince(Interlocked.Read(ref _lastRefresh));

    /// <summary>Seconds since <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static double SecondsSince(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
}
