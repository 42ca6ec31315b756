using RiskGraph.Model.Credit;

namespace RiskGraph.Api.Contracts;

/// <summary>Data quality per source department, one page (departments in the report's order), and near-duplicate enterprises.</summary>
public sealed record DataQualityResponse(
    int Page, int PageSize, int Total, IReadOnlyList<SourceQuality> Items, RiskGraph.Model.Import.EntityResolutionQuality EntityResolution);
