using BenchmarkDotNet.Running;
using RiskGraph.Benchmarks;

namespace RiskGraph.Model.Tests.Algorithms;

public class BenchmarksSmokeTests
{
    /// <summary>
    /// Runs every benchmark of the benchmark project once (Job.Dry, in this process): a benchmark that no longer
    /// compiles fails the build, and one that throws or fails validation fails here. Says nothing about speed.
    /// </summary>
    [Fact]
    public void EveryBenchmark_RunsOnceWithoutErrors()
    {
        var summaries = BenchmarkRunner.Run([typeof(PageRankBench), typeof(LouvainBench), typeof(FeatureExtractionBench)], new SmokeConfig());
        Assert.Equal(3, summaries.Length);
        foreach (var summary in summaries)
        {
            Assert.False(summary.HasCriticalValidationErrors, string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
            Assert.NotEmpty(summary.Reports);
            Assert.All(summary.Reports, report => Assert.True(report.Success, $"{report.BenchmarkCase.DisplayInfo} failed"));
        }
    }
}
