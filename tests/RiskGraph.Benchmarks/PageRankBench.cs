using BenchmarkDotNet.Attributes;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Graph;

namespace RiskGraph.Benchmarks;

/// <summary>Twenty PageRank iterations (tolerance 0, so exactly twenty) on a random power-law graph.</summary>
public class PageRankBench
{
    private CsrGraph _graph = CsrGraph.Empty;

    [Params(100_000)]
    public int Enterprises { get; set; }

    [Params(1, 2)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup() => _graph = BenchGraphs.Snapshot(Enterprises).Graph;

    [Benchmark(Baseline = true)]
    public PageRankResult Unweighted() =>
        new PageRank(_graph, new PageRankParameters(MaxIterations: 20, Tolerance: 0, Concurrency: Concurrency)).Compute();

    [Benchmark]
    public PageRankResult Weighted() =>
        new PageRank(_graph, new PageRankParameters(MaxIterations: 20, Tolerance: 0, Concurrency: Concurrency, Weighted: true)).Compute();

    [Benchmark]
    public PersonalizedPageRankResult Personalized() =>
        new PersonalizedPageRank(_graph, Seeds(), new PersonalizedPageRankParameters(MaxIterations: 20, Tolerance: 0, Concurrency: Concurrency)).Compute();

    private bool[] Seeds()
    {
        var seeds = new bool[Enterprises];
        for (int e = 0; e < seeds.Length; e += 8) seeds[e] = true;
        return seeds;
    }
}
