using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms;

/// <summary>
/// Louvain community detection (Blondel et al. 2008) on the undirected view: each relation is one edge of
/// weight 1, or of its own weight when <see cref="LouvainParameters.Weighted"/>. Each level moves nodes between
/// communities in id order until modularity stops improving, then collapses every community into a node, and
/// the next level starts from that smaller graph. Nothing random is involved, so the same graph always gives
/// the same partition, on any number of threads.
/// </summary>
public sealed class Louvain(
    CsrGraph graph, LouvainParameters parameters, IProgress<double>? progress, CancellationToken cancellationToken = default)
{
    public Louvain(CsrGraph graph, LouvainParameters parameters, CancellationToken cancellationToken = default)
        : this(graph, parameters, null, cancellationToken)
    {
    }

    public LouvainResult Compute()
    {
        parameters.Validate();
        int n = graph.NodeCount;
        if (n == 0) return LouvainResult.Empty;

        var level = LouvainLevelGraph.FromCsr(graph, parameters.Weighted);
        // nodeCommunity maps an original node to its node on the current level.
        var nodeCommunity = new int[n];
        for (int v = 0; v < n; v++) nodeCommunity[v] = v;
        var modularities = new List<double>();
        double modularity = level.Modularity(nodeCommunity, n);

        for (int depth = 0; depth < parameters.MaxLevels && level.TotalStrength > 0; depth++)
        {
            var moves = new LouvainLocalMoves(level);
            if (!moves.Run(parameters.MaxIterations, parameters.Tolerance, cancellationToken)) break;
            int[] community = moves.Community;
            int count = LouvainAggregation.Renumber(community);
            for (int v = 0; v < n; v++) nodeCommunity[v] = community[nodeCommunity[v]];

            double levelModularity = level.Modularity(community, count);
            modularities.Add(levelModularity);
            progress?.Report((double)(depth + 1) / parameters.MaxLevels);
            bool improved = levelModularity - modularity >= parameters.Tolerance;
            modularity = levelModularity;
            if (!improved || count == 1) break;
            level = LouvainAggregation.Collapse(level, community, count, parameters.Concurrency, cancellationToken);
        }
        progress?.Report(1.0);

        // Level numbering already follows first appearance, but renumbering over the original ids makes the
        // "ordered by smallest node id" contract independent of how the levels were built.
        int communities = LouvainAggregation.Renumber(nodeCommunity);
        return new LouvainResult(nodeCommunity, communities, modularity, modularities.ToArray());
    }
}
