using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Extensions;
using RiskGraph.Api.Services;

namespace RiskGraph.Api.Endpoints;

/// <summary>
/// Excel workbooks of what the explorer shows (nodes and edges on screen, alert and search lists). The browser sends
/// the rows it shows, so the workbook is exactly the view, filters included; the server only writes the file (MiniExcel).
/// </summary>
public static class ExportsApi
{
    public const int MaxSheets = 8;
    public const int MaxColumns = 40;
    public const int MaxRows = 20_000;
    public const int MaxCellChars = 2_000;
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/exports/xlsx", ExportXlsx).WithName("ExportXlsx").WithTags("Exports").Audited()
            .WithSummary("Writes the given sheets (columns and rows) as an .xlsx workbook with a cover sheet of title and meta lines.")
            .WithDescription($"At most {MaxSheets} sheets, {MaxColumns} columns and {MaxRows:N0} rows per sheet, {MaxCellChars:N0} characters per cell. "
                + "Cells are strings, numbers, booleans or null.")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), XlsxType).ProducesValidationProblem();
        return app;
    }

    private static Results<FileContentHttpResult, ValidationProblem> ExportXlsx(ExportRequest? request, HttpContext http)
    {
        if (request?.Sheets is not { Count: > 0 } sheets) return ApiProblems.InvalidField("sheets", "Give at least one sheet.");
        if (sheets.Count > MaxSheets) return ApiProblems.InvalidField("sheets", $"At most {MaxSheets} sheets; got {sheets.Count}.");
        string title = Clean(request.Title) is { Length: > 0 } t ? t : "RiskGraph";
        var workbook = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        var cover = new List<Dictionary<string, object?>> { Line("title", title) };
        foreach (var (key, value) in request.Meta ?? new Dictionary<string, string>()) cover.Add(Line(Cut(key), Cut(value)));
        workbook["about"] = cover;
        for (int s = 0; s < sheets.Count; s++)
        {
            var sheet = sheets[s];
            if (sheet.Columns is not { Count: > 0 } columns || columns.Count > MaxColumns)
                return ApiProblems.InvalidField($"sheets[{s}].columns", $"Give 1 to {MaxColumns} column names.");
            var rows = sheet.Rows ?? [];
            if (rows.Count > MaxRows) return ApiProblems.InvalidField($"sheets[{s}].rows", $"At most {MaxRows:N0} rows; got {rows.Count:N0}.");
            string[] names = UniqueNames(columns);
            var table = new List<Dictionary<string, object?>>(rows.Count);
            for (int r = 0; r < rows.Count; r++)
            {
                if (rows[r] is null || rows[r].Count != names.Length)
                    return ApiProblems.InvalidField($"sheets[{s}].rows[{r}]", $"Each row has {names.Length} cells, as many as the columns.");
                var row = new Dictionary<string, object?>(names.Length);
                for (int c = 0; c < names.Length; c++)
                {
                    if (!TryCell(rows[r][c], out object? cell))
                        return ApiProblems.InvalidField($"sheets[{s}].rows[{r}][{c}]", "A cell is a string, a number, a boolean or null.");
                    row[names[c]] = cell;
                }
                table.Add(row);
            }
            string name = SheetName(sheet.Name, s);
            if (workbook.ContainsKey(name)) name = $"{name[..Math.Min(name.Length, 27)]}_{s + 1}";
            // MiniExcel writes a header row from the first row's keys; an empty sheet keeps its header with one blank row.
            workbook[name] = table.Count > 0 ? table : [names.ToDictionary(n => n, _ => (object?)null)];
        }
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, workbook, excelType: ExcelType.XLSX);
        http.Items[AuditRecorder.SubjectKey] = "export:" + ApiProblems.Echo(title);
        return TypedResults.File(stream.ToArray(), XlsxType, FileName(title) + ".xlsx");
    }

    private static Dictionary<string, object?> Line(string key, string value) => new() { ["field"] = key, ["value"] = value };

    private static bool TryCell(JsonElement element, out object? cell)
    {
        cell = element.ValueKind switch
        {
            JsonValueKind.String => Cut(element.GetString()),
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
        return element.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            or JsonValueKind.Null or JsonValueKind.Undefined;
    }

    private static string Cut(string? value) => value is null ? "" : value.Length <= MaxCellChars ? value : value[..MaxCellChars];

    /// <summary>Text without control characters (a header or file name never carries a line break).</summary>
    private static string Clean(string? value) => new string(Cut(value).Where(ch => !char.IsControl(ch)).ToArray()).Trim();

    private static string[] UniqueNames(IReadOnlyList<string> columns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new string[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            string name = Clean(columns[c]) is { Length: > 0 } n ? n : $"column {c + 1}";
            string unique = name;
            for (int k = 2; !seen.Add(unique); k++) unique = $"{name} ({k})";
            names[c] = unique;
        }
        return names;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string? name, int index)
    {
        string clean = new string(Clean(name).Where(ch => ":\\/?*[]".IndexOf(ch) < 0).ToArray());
        if (clean.Length == 0 || clean.Equals("about", StringComparison.OrdinalIgnoreCase)) clean = $"sheet{index + 1}";
        return clean.Length <= 31 ? clean : clean[..31];
    }

    private static string FileName(string title)
    {
        var chars = title.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-').ToArray();
        string stem = new string(chars).Trim('-');
        return stem.Length == 0 ? "riskgraph" : stem.Length <= 80 ? stem : stem[..80];
    }
}
