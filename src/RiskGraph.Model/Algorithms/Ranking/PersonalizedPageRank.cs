using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Ranking;

/// <summary>
/// PageRank whose random jumps land only on a seed set, e.g. the enterprises with a negative record
/// (<see cref="CreditProfile.Negative"/>). A node's score is how much of the seeds' risk reaches it through the
/// relations, decaying with every step: a risk-contagion score. Same pull-based iteration as
/// <see cref="PageRank"/>, so the scores are identical on 1 and N threads; rank stranded on nodes without edges
/// returns to the seeds.
/// </summary>
public sealed class PersonalizedPageRank(
    CsrGraph graph, bool[] seeds, PersonalizedPageRankParameters parameters, IProgress<double>? progress,
    CancellationToken cancellationToken = default)
{
    /// <param name="seeds">Seed flag per node id; may be shorter than the node count (e.g. one flag per enterprise).</param>
    public PersonalizedPageRank(CsrGraph graph, bool[] seeds, PersonalizedPageRankParameters parameters, CancellationToken cancellationToken = default)
        : this(graph, seeds, parameters, null, cancellationToken)
    {
    }

    /// <param name="seedIds">Seed node ids; duplicates count once.</param>
    public PersonalizedPageRank(CsrGraph graph, IReadOnlyList<int> seedIds, PersonalizedPageRankParameters parameters, CancellationToken cancellationToken = default)
        : this(graph, ToFlags(graph.NodeCount, seedIds), parameters, null, cancellationToken)
    {
    }

    public PersonalizedPageRankResult Compute()
    {
        parameters.Validate();
        int n = graph.NodeCount;
        if (seeds.Length > n)
            throw new ArgumentException($"{seeds.Length} seed flags for a graph of {n} nodes.", nameof(seeds));
        if (n == 0) return PersonalizedPageRankResult.Empty;

        int seedCount = 0;
        foreach (bool seed in seeds) if (seed) seedCount++;
        if (seedCount == 0)
        {
            progress?.Report(1.0);
            return new PersonalizedPageRankResult(new double[n], 0, 0, true);
        }

        var teleport = new double[n];
        for (int v = 0; v < seeds.Length; v++) if (seeds[v]) teleport[v] = 1.0 / seedCount;
        var propagation = new RankPropagation(graph, parameters.Weighted, parameters.Concurrency, progress, cancellationToken);
        var (rank, iterations, converged) = propagation.Run(parameters.DampingFactor, parameters.MaxIterations, parameters.Tolerance, teleport);
        return new PersonalizedPageRankResult(rank, seedCount, iterations, converged);
    }

    private static bool[] ToFlags(int nodeCount, IReadOnlyList<int> seedIds)
    {
        var flags = new bool[nodeCount];
        foreach (int id in seedIds)
        {
            if ((uint)id >= (uint)nodeCount) throw new ArgumentOutOfRangeException(nameof(seedIds), id, $"Seed {id} is not a node id.");
            flags[id] = true;
        }
        return flags;
    }
}
