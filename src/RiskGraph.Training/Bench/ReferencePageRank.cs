using RiskGraph.Model.Graph;

namespace RiskGraph.Training.Bench;

/// <summary>
/// The yardstick for our PageRank: a plain pull kernel as one would write it in C with OpenMP (the GAP benchmark
/// suite's shape), on the graph as loaded, in vertex order, with no reordering and no tricks. Each iteration
/// first computes every node's outgoing contribution (rank / degree, double), then every node sums its
/// neighbours' contributions; the nodes are split into one contiguous range per thread (OpenMP's static
/// schedule). Rank of nodes without edges is spread evenly, as ours does, so both do the same arithmetic.
/// Kept deliberately simple: it exists to be compared against, not to be used.
/// </summary>
internal static class ReferencePageRank
{
    public static double[] Run(CsrGraph graph, int iterations, int threads, double damping = 0.85)
    {
        int n = graph.NodeCount;
        int[] offsets = graph.Offsets, targets = graph.Targets;
        var rank = new double[n];
        var next = new double[n];
        var contribution = new double[n];
        Array.Fill(rank, 1.0 / n);
        int chunk = (n + threads - 1) / threads;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var dangling = new double[threads];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            Parallel.For(0, threads, options, t =>
            {
                double lost = 0;
                for (int v = t * chunk, end = Math.Min(n, (t + 1) * chunk); v < end; v++)
                {
                    int degree = offsets[v + 1] - offsets[v];
                    if (degree == 0) lost += rank[v];
                    contribution[v] = degree == 0 ? 0 : rank[v] / degree;
                }
                dangling[t] = lost;
            });
            double jump = (1 - damping) / n + damping * dangling.Sum() / n;
            Parallel.For(0, threads, options, t =>
            {
                for (int v = t * chunk, end = Math.Min(n, (t + 1) * chunk); v < end; v++)
                {
                    double sum = 0;
                    for (int e = offsets[v]; e < offsets[v + 1]; e++) sum += contribution[targets[e]];
                    next[v] = jump + damping * sum;
                }
            });
            (rank, next) = (next, rank);
        }
        return rank;
    }
}
