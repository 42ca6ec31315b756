using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Communities;

/// <summary>
/// Louvain community detection (Blondel et al. 2008) on the undirected view: each relation is one edge of
/// weight 1, or of its own weight when <see cref="LouvainParameters.Weighted"/>. Each level moves nodes between
/// communities (<see cref="LouvainLocalMoves"/>, with pruning; level 0 colour by colour in parallel) until modularity
/// stops improving, then collapses every community into a node (<see cref="LouvainAggregation"/>), and the next
/// level starts from that smaller graph. Nothing random is involved and no choice depends on the thread count, so
/// the same graph always gives the same partition on any number of threads.
/// <para>
/// Tolerance schedule (threshold scaling, as in GVE-Louvain, Sahu 2023): the first level stops sweeping at a
/// coarse tolerance and each level divides it by ten down to <see cref="LouvainParameters.Tolerance"/>. Sweeps
/// late in level 0 gain little that the coarser levels do not regain, while they cost a pass over every edge.
/// </para>
/// </summary>
public sealed class Louvain(
    CsrGraph graph, LouvainParameters parameters, IProgress<double>? progress, CancellationToken cancellationToken = default)
{
    /// <summary>Sweep tolerance of the first level; divided by <see cref="ToleranceDrop"/> per level.</summary>
    private const double InitialSweepTolerance = 1e-2;

    private const double ToleranceDrop = 10;


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
        double modularity = level.SingletonModularity();
        double sweepTolerance = Math.Max(InitialSweepTolerance, parameters.Tolerance);

        for (int depth = 0; depth < parameters.MaxLevels && level.TotalStrength > 0; depth++)
        {
            // Level 0 holds most of the work (every node, every slot, nearly all moves) and its nodes are small, so
            // it moves by colour in parallel; above it the graph is several times smaller and its nodes are whole
            // communities, which oscillate when neighbours move at once, so those levels sweep in node order.
            var moves = new LouvainLocalMoves(level, byColour: depth == 0, parameters.Concurrency, cancellationToken);
            if (!moves.Run(parameters.MaxIterations, sweepTolerance)) break;
            sweepTolerance = Math.Max(parameters.Tolerance, sweepTolerance / ToleranceDrop);
            int[] community = moves.Community;
            int count = LouvainAggregation.Renumber(community);
            for (int v = 0; v < n; v++) nodeCommunity[v] = community[nodeCommunity[v]];

            var next = LouvainAggregation.Collapse(level, community, count, parameters.Concurrency, cancellationToken);
            double levelModularity = next.SingletonModularity();
            modularities.Add(levelModularity);
            progress?.Report((double)(depth + 1) / parameters.MaxLevels);
            bool improved = levelModularity - modularity >= parameters.Tolerance;
            modularity = levelModularity;
            level = next;
            if (!improved || count == 1) break;
        }
        progress?.Report(1.0);

        // Level numbering already follows first appearance, but renumbering over the original ids makes the
        // "ordered by smallest node id" contract independent of how the levels were built.
        int communities = LouvainAggregation.Renumber(nodeCommunity);
        return new LouvainResult(nodeCommunity, communities, modularity, modularities.ToArray());
    }
}
