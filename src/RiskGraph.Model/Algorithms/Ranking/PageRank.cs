using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Ranking;

/// <summary>
/// PageRank on the undirected view of the graph, pull-based: each node sums its neighbours' share of rank, so
/// every node is written by exactly one thread and no atomics are needed. Unweighted by default; with
/// <see cref="PageRankParameters.Weighted"/> a walker leaves a node along an edge with probability proportional to
/// the edge's weight. Mass of isolated nodes is spread evenly, so scores always sum to 1.
/// </summary>
public sealed class PageRank(
    CsrGraph graph, PageRankParameters parameters, IProgress<double>? progress, CancellationToken cancellationToken = default)
{
    public PageRank(CsrGraph graph, PageRankParameters parameters, CancellationToken cancellationToken = default)
        : this(graph, parameters, null, cancellationToken)
    {
    }

    public PageRankResult Compute()
    {
        parameters.Validate();
        if (graph.NodeCount == 0) return PageRankResult.Empty;
        var propagation = new RankPropagation(graph, parameters.Weighted, parameters.Concurrency, progress, cancellationToken);
        var (rank, iterations, converged) =
            propagation.Run(parameters.DampingFactor, parameters.MaxIterations, parameters.Tolerance, teleport: null);
        return new PageRankResult(rank, iterations, converged);
    }
}
