using RiskGraph.Model.Algorithms.Communities;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Features;

/// <summary>
/// The whole-graph algorithms run on a snapshot's <see cref="NodeOrdering"/> (its locality-ordered CSR), with
/// their inputs mapped to the new ids and their results mapped back, so callers see only snapshot ids. The
/// results are those of the algorithm on a renumbered copy of the same graph: PageRank scores equal up to
/// summation order, Louvain a partition of the same quality found in another visiting order, numbered again
/// by smallest snapshot id.
/// </summary>
public static class OrderedRuns
{
    public static PageRankResult PageRank(NodeOrdering ordering, PageRankParameters parameters, CancellationToken cancellationToken = default)
    {
        var result = new PageRank(ordering.Graph, parameters, cancellationToken).Compute();
        return result with { Scores = ordering.ToOriginal(result.Scores) };
    }

    /// <param name="seeds">Seed flag per snapshot node id; may be shorter than the node count.</param>
    public static PersonalizedPageRankResult PersonalizedPageRank(
        NodeOrdering ordering, bool[] seeds, PersonalizedPageRankParameters parameters, CancellationToken cancellationToken = default)
    {
        var flags = new bool[ordering.Graph.NodeCount];
        if (seeds.Length > flags.Length) throw new ArgumentException($"{seeds.Length} seed flags for a graph of {flags.Length} nodes.", nameof(seeds));
        for (int v = 0; v < seeds.Length; v++) flags[ordering.NewId[v]] = seeds[v];
        var result = new PersonalizedPageRank(ordering.Graph, flags, parameters, cancellationToken).Compute();
        return result with { Scores = ordering.ToOriginal(result.Scores) };
    }

    public static LouvainResult Louvain(NodeOrdering ordering, LouvainParameters parameters, CancellationToken cancellationToken = default)
    {
        var result = new Louvain(ordering.Graph, parameters, cancellationToken).Compute();
        if (result.Community.Length == 0) return result;
        var community = ordering.ToOriginal(result.Community);
        int count = LouvainAggregation.Renumber(community);
        return result with { Community = community, CommunityCount = count };
    }
}
