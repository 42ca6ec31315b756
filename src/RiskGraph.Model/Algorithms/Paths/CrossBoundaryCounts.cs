
namespace RiskGraph.Model.Algorithms.Paths;

/// <summary>Per enterprise id: risky enterprises within depth across each boundary, for features.</summary>
/// <param name="CrossBoth">Risky enterprises differing in both industry and region.</param>
public sealed record CrossBoundaryCounts(int MaxDepth, int[] CrossIndustry, int[] CrossRegion, int[] CrossBoth);
