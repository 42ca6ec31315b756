
namespace RiskGraph.Model.Algorithms.Communities;

/// <param name="Community">Community per node id, numbered 0.. in order of each community's smallest node id.</param>
/// <param name="CommunityCount">Number of communities; isolated nodes are communities of their own.</param>
/// <param name="Modularity">Modularity of the final partition on the undirected (weighted) view; 0 for a graph without edges.</param>
/// <param name="LevelModularities">Modularity after each aggregation level, non-decreasing; the last equals <see cref="Modularity"/>.</param>
public sealed record LouvainResult(int[] Community, int CommunityCount, double Modularity, double[] LevelModularities)
{
    public static LouvainResult Empty { get; } = new([], 0, 0, []);
}
