using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms;

/// <summary>
/// Unweighted PageRank on the undirected view of the graph, pull-based: each node sums its neighbours'
/// share of rank, so every node is written by exactly one thread and no atomics are needed.
/// Mass of isolated nodes is spread evenly, so scores always sum to 1.
/// </summary>
public sealed class PageRank(CsrGraph graph, PageRankParameters parameters, CancellationToken cancellationToken = default)
{
    public PageRankResult Compute()
    {
        parameters.Validate();
        int n = graph.NodeCount;
        if (n == 0) return PageRankResult.Empty;

        double damping = parameters.DampingFactor;
        var rank = new double[n];
        var next = new double[n];
        var share = new double[n];
        Array.Fill(rank, 1.0 / n);
        int[] offsets = graph.Offsets;
        int[] targets = graph.Targets;

        int iteration = 0;
        bool converged = false;
        while (iteration < parameters.MaxIterations && !converged)
        {
            double dangling = 0;
            for (int v = 0; v < n; v++)
            {
                int degree = offsets[v + 1] - offsets[v];
                if (degree == 0) dangling += rank[v];
                share[v] = degree == 0 ? 0 : rank[v] / degree;
            }
            double teleport = (1 - damping) / n + damping * dangling / n;

            var batchDelta = new double[(n + NodeBatches.BatchSize - 1) / NodeBatches.BatchSize];
            NodeBatches.Run(n, parameters.Concurrency, cancellationToken, (start, end) =>
            {
                double maxDelta = 0;
                for (int v = start; v < end; v++)
                {
                    double sum = 0;
                    for (int e = offsets[v]; e < offsets[v + 1]; e++) sum += share[targets[e]];
                    double value = teleport + damping * sum;
                    maxDelta = Math.Max(maxDelta, Math.Abs(value - rank[v]));
                    next[v] = value;
                }
                batchDelta[start / NodeBatches.BatchSize] = maxDelta;
            });
            (rank, next) = (next, rank);
            iteration++;
            // The largest change does not depend on summation order, so 1 and N threads stop at the same iteration.
            converged = batchDelta.Max() <= parameters.Tolerance;
        }
        return new PageRankResult(rank, iteration, converged);
    }
}
