using System.Diagnostics;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Graph;

namespace RiskGraph.Training.Bench;

/// <summary>
/// Our PageRank against <see cref="ReferencePageRank"/> in the same run, on the same thread count. The locality
/// order is built once (its cost reported on its own, as a snapshot pays it once) and our PageRank runs on the
/// reordered graph, as <c>GraphAnalytics</c> does; the reference runs on the graph as loaded. Runs alternate
/// between the two so that noise from other processes on a shared machine hits both alike; each side reports the
/// best of its runs, since other processes only ever add time.
/// </summary>
internal static class PageRankComparison
{
    public const int Iterations = 20;
    private const int Runs = 3;

    public sealed record Outcome(
        double OursMs, double OursUnorderedMs, double ReferenceMs, double OrderingMs, double MaxScoreDifference, NodeOrdering Ordering);

    public static Outcome Run(CsrGraph graph, int enterpriseCount, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        var ordering = NodeOrdering.Locality(graph, enterpriseCount, concurrency);
        double orderingMs = clock.Elapsed.TotalMilliseconds;

        var parameters = new PageRankParameters(MaxIterations: Iterations, Tolerance: 0, Concurrency: concurrency);
        // Warm-up: JIT and first-touch page faults on every side.
        new PageRank(ordering.Graph, parameters with { MaxIterations = 2 }).Compute();
        new PageRank(graph, parameters with { MaxIterations = 2 }).Compute();
        ReferencePageRank.Run(graph, 2, concurrency);

        double ours = double.MaxValue, unordered = double.MaxValue, reference = double.MaxValue;
        double[] oursScores = [], referenceScores = [];
        for (int run = 0; run < Runs; run++)
        {
            ours = Math.Min(ours, Time(() => oursScores = new PageRank(ordering.Graph, parameters).Compute().Scores));
            reference = Math.Min(reference, Time(() => referenceScores = ReferencePageRank.Run(graph, Iterations, concurrency)));
            unordered = Math.Min(unordered, Time(() => new PageRank(graph, parameters).Compute()));
        }
        return new Outcome(ours, unordered, reference, orderingMs, MaxDifference(ordering.ToOriginal(oursScores), referenceScores), ordering);
    }

    private static double Time(Action run)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalMilliseconds / Iterations;
    }

    /// <summary>Both compute the same scores up to float shares and summation order: a check that like is timed against like.</summary>
    private static double MaxDifference(double[] a, double[] b)
    {
        double max = 0;
        for (int v = 0; v < a.Length; v++) max = Math.Max(max, Math.Abs(a[v] - b[v]));
        return max;
    }
}
