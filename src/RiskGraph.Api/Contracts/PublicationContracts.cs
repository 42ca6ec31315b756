namespace RiskGraph.Api.Contracts;

/// <summary>One published list entry with its legal basis and determining department (认定单位).</summary>
public sealed record PublishedEntryResponse(
    string RecordId, string Uscc, string Name, string Region, string ListType, DateOnly ValidFrom, DateOnly? ValidTo,
    string Department, string? LegalBasis, string? CatalogueItem, string Status);

/// <summary>A page of a list's entries in force on <paramref name="AsOf"/>; <paramref name="Total"/> counts them all.</summary>
public sealed record ListPublicationResponse(
    string ListType, string? Region, DateOnly AsOf, int Page, int PageSize, int Total, IReadOnlyList<PublishedEntryResponse> Items);

/// <param name="ByClass">Entities per class: good, warning, dishonest, seriously_dishonest.</param>
/// <param name="Change">Change of the share from the previous month (null for the first).</param>
public sealed record MonthIndicatorResponse(
    string Month, DateOnly AsOf, int Entities, IReadOnlyDictionary<string, int> ByClass, double SeriouslyDishonestShare, bool MeetsTarget, double? Change);

public sealed record RegionIndicatorsResponse(string Region, string Trend, IReadOnlyList<MonthIndicatorResponse> Months);

/// <summary>Indicators per region and month; the first region totals the others.</summary>
public sealed record IndicatorsResponse(
    string From, string To, double SeriouslyDishonestTarget, IReadOnlyList<RegionIndicatorsResponse> Regions);
