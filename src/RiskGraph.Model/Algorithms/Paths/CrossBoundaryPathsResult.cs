
namespace RiskGraph.Model.Algorithms.Paths;

/// <param name="Paths">Nearest first (breadth-first order), at most MaxPaths.</param>
/// <param name="CrossIndustryTargets">Risky enterprises within depth in another industry (possibly also another region).</param>
/// <param name="CrossRegionTargets">Risky enterprises within depth in another region (possibly also another industry).</param>
/// <param name="Truncated">More targets existed than paths were returned.</param>
public sealed record CrossBoundaryPathsResult(
    int Source, IReadOnlyList<CrossBoundaryPath> Paths, int CrossIndustryTargets, int CrossRegionTargets, int HubsNotExpanded, bool Truncated);
