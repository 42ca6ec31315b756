
namespace RiskGraph.Model.Algorithms.Paths;

/// <summary>Which boundary a path to a risky enterprise crosses (R118).</summary>
public enum BoundaryKind
{
    CrossIndustry,
    CrossRegion,
    Both,
}

public static class BoundaryKindNames
{
    /// <summary>The wire name: cross_industry, cross_region or both.</summary>
    public static string Name(this BoundaryKind kind) => kind switch
    {
        BoundaryKind.CrossIndustry => "cross_industry",
        BoundaryKind.CrossRegion => "cross_region",
        _ => "both",
    };
}
