using BenchmarkDotNet.Attributes;
using RiskGraph.Model.Algorithms.Communities;
using RiskGraph.Model.Graph;

namespace RiskGraph.Benchmarks;

/// <summary>Full multi-level Louvain, unweighted and weighted, on a random power-law graph.</summary>
public class LouvainBench
{
    private CsrGraph _graph = CsrGraph.Empty;

    [Params(100_000)]
    public int Enterprises { get; set; }

    [GlobalSetup]
    public void Setup() => _graph = BenchGraphs.Snapshot(Enterprises).Graph;

    [Benchmark(Baseline = true)]
    public LouvainResult Unweighted() => new Louvain(_graph, new LouvainParameters()).Compute();

    [Benchmark]
    public LouvainResult Weighted() => new Louvain(_graph, new LouvainParameters(Weighted: true)).Compute();
}
