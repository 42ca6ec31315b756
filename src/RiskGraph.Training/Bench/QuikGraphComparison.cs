using System.Diagnostics;
using QuikGraph;
using QuikGraph.Algorithms.Ranking;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Graph;

namespace RiskGraph.Training.Bench;

/// <summary>
/// Times QuikGraph's PageRank against ours on the same graph. QuikGraph's iteration costs Σ out-degree² (it
/// recounts a neighbour's filtered out-edges for every in-edge) plus dictionary lookups, so on a graph with hubs
/// it may not finish in reasonable time. We therefore start from a small induced subgraph and double it until the
/// next doubling would exceed the per-iteration budget or the whole graph is reached, and report the largest.
/// </summary>
internal static class QuikGraphComparison
{
    public sealed record Outcome(int Nodes, long Edges, double QuikGraphMsPerIteration, double OursMsPerIteration);

    public static Outcome Run(CsrGraph graph, int enterpriseCount, TimeSpan budgetPerIteration, int concurrency, IProgress<string>? log)
    {
        Outcome? largest = null;
        for (double fraction = 1.0 / 64; ; fraction = Math.Min(1, fraction * 2))
        {
            var subgraph = fraction >= 1 ? graph : Subgraph(graph, enterpriseCount, fraction);
            double quik = QuikGraphMsPerIteration(subgraph);
            double ours = GraphBench.PageRankMsPerIteration(subgraph, weighted: false, concurrency);
            largest = new Outcome(subgraph.NodeCount, subgraph.EdgeCount / 2, quik, ours);
            log?.Report($"QuikGraph PageRank on {subgraph.NodeCount:N0} nodes: {quik:F1} ms/iteration (ours {ours:F2} ms)");
            // Cost grows at least linearly with size, so stop before a doubling that would go over the budget.
            if (fraction >= 1 || quik * 2.2 > budgetPerIteration.TotalMilliseconds) return largest;
        }
    }

    /// <summary>The first <paramref name="fraction"/> of enterprise ids and of person ids, with the relations among them.</summary>
    internal static CsrGraph Subgraph(CsrGraph graph, int enterpriseCount, double fraction)
    {
        int persons = graph.NodeCount - enterpriseCount;
        int keptEnterprises = (int)(enterpriseCount * fraction), keptPersons = (int)(persons * fraction);
        var newId = new int[graph.NodeCount];
        Array.Fill(newId, -1);
        for (int v = 0; v < keptEnterprises; v++) newId[v] = v;
        for (int p = 0; p < keptPersons; p++) newId[enterpriseCount + p] = keptEnterprises + p;
        var builder = new CsrGraphBuilder(keptEnterprises + keptPersons);
        for (int v = 0; v < graph.NodeCount; v++)
        {
            if (newId[v] < 0) continue;
            for (int e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
            {
                // Every relation is stored at both ends; adding it from its source end adds it once.
                int t = graph.Targets[e];
                byte kind = graph.Kinds[e];
                if (newId[t] >= 0 && !EdgeKind.IsIncoming(kind)) builder.Add(newId[v], newId[t], EdgeKind.TypeOf(kind), graph.Weights[e]);
            }
        }
        return builder.Build();
    }

    /// <summary>
    /// Per-iteration time with QuikGraph's set-up (rank dictionary, filtered view) subtracted: one run of a single
    /// iteration, one of k + 1, and the difference divided by k.
    /// </summary>
    private static double QuikGraphMsPerIteration(CsrGraph graph)
    {
        var directed = new BidirectionalGraph<int, SEdge<int>>(allowParallelEdges: true);
        for (int v = 0; v < graph.NodeCount; v++) directed.AddVertex(v);
        // Both directions of every relation: the CSR already holds each relation at both ends.
        for (int v = 0; v < graph.NodeCount; v++)
            for (int e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++) directed.AddEdge(new SEdge<int>(v, graph.Targets[e]));

        double single = Time(directed, 1);
        int extra = (int)Math.Clamp(Math.Round(2000 / Math.Max(single, 1)), 1, 10);
        double longer = Time(directed, extra + 1);
        return Math.Max(longer - single, 0) / extra;
    }

    private static double Time(BidirectionalGraph<int, SEdge<int>> graph, int iterations)
    {
        GC.Collect();
        var algorithm = new PageRankAlgorithm<int, SEdge<int>>(graph) { Damping = 0.85, MaxIterations = iterations, Tolerance = 0 };
        var clock = Stopwatch.StartNew();
        algorithm.Compute();
        return clock.Elapsed.TotalMilliseconds;
    }
}
