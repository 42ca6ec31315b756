using System.Diagnostics;
using RiskGraph.Model.Algorithms.Guarantees;
using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Supervision;

namespace RiskGraph.Training.Bench;

/// <summary>The risk patterns of issue 13: guarantee circles, conglomerates and the person view, timed as the service runs them.</summary>
internal static class PatternTimings
{
    private const int PersonSamples = 2_000;

    public static BenchReport Measure(GraphSnapshot snapshot, BenchReport report, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var circles = new GuaranteeCircles(snapshot, new GuaranteeCirclesParameters(Concurrency: report.Concurrency), cancellationToken).Compute();
        double circlesSeconds = GraphBench.Lap(clock);
        var groups = new ConglomerateGroups(snapshot, new ConglomerateGroupsParameters(Concurrency: report.Concurrency), cancellationToken).Compute();
        double groupsSeconds = GraphBench.Lap(clock);
        var (p50, p99) = PersonViews(snapshot);
        log?.Report($"guarantee circles {circlesSeconds:F2} s ({circles.CircleCount:N0} circles); groups {groupsSeconds:F2} s ({groups.GroupCount:N0} groups); " +
            $"person view p50 {p50:F3} ms, p99 {p99:F3} ms");
        return report with
        {
            GuaranteeCirclesSeconds = circlesSeconds,
            GroupsSeconds = groupsSeconds,
            GuaranteeCircleCount = circles.CircleCount,
            GroupCount = groups.GroupCount,
            PersonViewP50Ms = p50,
            PersonViewP99Ms = p99,
        };
    }

    /// <summary>What the route computes per call: the person's enterprises with each one's class and name, spread over the persons.</summary>
    private static (double P50, double P99) PersonViews(GraphSnapshot snapshot)
    {
        int persons = snapshot.Graph.NodeCount - snapshot.EnterpriseCount;
        int count = Math.Min(PersonSamples, persons);
        if (count == 0) return (0, 0);
        var times = new double[count];
        long checksum = 0;
        for (int i = 0; i < count; i++)
        {
            int person = snapshot.EnterpriseCount + (int)((long)i * persons / count);
            long start = Stopwatch.GetTimestamp();
            foreach (var held in PersonView.EnterprisesOf(snapshot, person))
                checksum += snapshot.Classes[held.Enterprise].Name().Length + snapshot.Enterprises.Names[held.Enterprise].Length;
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        GC.KeepAlive(checksum);
        Array.Sort(times);
        return (times[count / 2], times[Math.Min(count - 1, (int)Math.Ceiling(count * 0.99) - 1)]);
    }
}
