using System.Text.Json;

namespace RiskGraph.Api.Contracts;

/// <summary>A table the explorer has on screen (nodes, edges, alerts, search results), to be written as a workbook.</summary>
/// <param name="Title">The workbook's file name stem and the first line of its cover sheet.</param>
/// <param name="Meta">Key/value lines of the cover sheet: centre, as-of date, model version, filters.</param>
public sealed record ExportRequest(string? Title, IReadOnlyDictionary<string, string>? Meta, IReadOnlyList<ExportSheet>? Sheets);

/// <param name="Rows">One array per row, as many cells as <paramref name="Columns"/>: strings, numbers, booleans or null.</param>
public sealed record ExportSheet(string? Name, IReadOnlyList<string>? Columns, IReadOnlyList<IReadOnlyList<JsonElement>>? Rows);
