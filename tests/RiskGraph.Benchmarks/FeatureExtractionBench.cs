using BenchmarkDotNet.Attributes;
using RiskGraph.Model.Algorithms.Exposure;
using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Algorithms.SupplyChain;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;

namespace RiskGraph.Benchmarks;

/// <summary>
/// The feature matrix for all enterprises, and the per-enterprise graph scans that are candidates for new
/// feature columns (k-hop exposure, cross-boundary counts, supply-chain contagion).
/// </summary>
public class FeatureExtractionBench
{
    private GraphSnapshot? _snapshot;

    [Params(100_000)]
    public int Enterprises { get; set; }

    [GlobalSetup]
    public void Setup() => _snapshot = BenchGraphs.Snapshot(Enterprises);

    private GraphSnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("Setup has not run.");

    [Benchmark(Baseline = true)]
    public FeatureMatrix AllFeatures() => new FeatureExtractor(Snapshot, new FeatureExtractorParameters()).Compute();

    [Benchmark]
    public ExposureTable Exposure2Hops() => new KHopExposure(Snapshot, new KHopExposureParameters(Hops: 2)).ForAllEnterprises();

    [Benchmark]
    public CrossBoundaryCounts CrossBoundary3Hops() =>
        new CrossBoundaryPaths(Snapshot, new CrossBoundaryPathsParameters(MaxDepth: 3)).CountsForAllEnterprises();

    [Benchmark]
    public SupplyChainContagionResult SupplyChain() => new SupplyChainContagion(Snapshot, new SupplyChainContagionParameters()).Compute();
}
