namespace RiskGraph.Api.Contracts;

/// <summary>One enterprise in a search result.</summary>
/// <param name="Score">The warning score, when a model is loaded.</param>
public sealed record EnterpriseSummary(string Uscc, string Name, string Industry, string Region, string CreditClass, string Colour, double? Score, string? Level);

/// <summary>A page of search results; <paramref name="Total"/> counts every match.</summary>
public sealed record SearchResponse(string Query, int Page, int PageSize, int Total, IReadOnlyList<EnterpriseSummary> Items);
