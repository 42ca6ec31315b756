using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RiskGraph.Benchmarks;

/// <summary>
/// The default job: one warm-up and at most 10 measured iterations. The graphs are large and each operation
/// takes from milliseconds to seconds, so more iterations only lengthen the run without tightening the intervals.
/// </summary>
public sealed class RecommendedConfig : ManualConfig
{
    public RecommendedConfig()
    {
        AddJob(Job.Default.WithWarmupCount(1).WithMinIterationCount(3).WithMaxIterationCount(10));
        AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
        AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray());
        AddExporter(DefaultConfig.Instance.GetExporters().ToArray());
        AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray());
        AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
    }
}

/// <summary>
/// One invocation of every benchmark, in the calling process, with the smallest sizes: for the smoke test that
/// keeps benchmarks from silently breaking. Not for measuring.
/// </summary>
public sealed class SmokeConfig : ManualConfig
{
    public SmokeConfig()
    {
        AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance));
        ArtifactsPath = Path.Combine(Path.GetTempPath(), "riskgraph-benchmark-smoke");
        AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
        AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray());
        AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
        Options |= ConfigOptions.DisableOptimizationsValidator;
    }
}
