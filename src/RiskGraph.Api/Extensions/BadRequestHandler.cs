using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace RiskGraph.Api.Extensions;

/// <summary>
/// Binding failures — an unparsable or overflowing number, malformed or wrongly shaped JSON, a body in an unknown
/// charset, a body over the size limit — answer as ProblemDetails naming the field and what was expected (400, or the
/// status the server chose, e.g. 413), never as 500. Minimal APIs throw these on bad requests (ThrowOnBadRequest), so
/// every environment answers alike.
/// </summary>
public sealed partial class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, field, message) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, FieldOf(bad), Describe(bad)),
            // An unknown charset in Content-Type surfaces while the body is read.
            InvalidOperationException when exception.Message.Contains("charset", StringComparison.OrdinalIgnoreCase)
                || exception.InnerException is ArgumentException { ParamName: "name" } => (400, "Content-Type", "The charset of the body is not supported; send UTF-8 JSON."),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        context.Response.StatusCode = status;
        var details = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = status == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : $"Invalid {field}",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });
    }

    private static string FieldOf(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge) return "body";
        if (bad.InnerException is JsonException json) return json.Path is { Length: > 1 } path ? ToField(path) : "body";
        var parameter = ParameterName().Match(bad.Message);
        return parameter.Success ? parameter.Groups[1].Value : "body";
    }

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => Expected(json) is { } expected
            ? $"The body is not the JSON this route expects{(json.Path is { Length: > 1 } p ? $" at {ToField(p)}" : "")}: expected {expected}."
            : $"The body is not valid JSON: {Cut(json.Message)}",
        _ when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => "The request body is larger than this server accepts.",
        _ => Cut(bad.Message),
    };

    /// <summary>What the value should have been, in words, from System.Text.Json's "could not be converted to T" (no type names in answers).</summary>
    private static string? Expected(JsonException json)
    {
        var target = ConvertedTo().Match(json.Message);
        if (!target.Success) return null;
        string type = target.Groups[1].Value;
        return type switch
        {
            _ when type.Contains("[System.String]", StringComparison.Ordinal) || type == "System.String[]" => "an array of strings",
            _ when type.Contains("List`1", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
            "System.String" => "a string",
            "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "an integer",
            _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
            _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when type.Contains("DateOnly", StringComparison.Ordinal) => "a date (yyyy-MM-dd)",
            _ when type.Contains("DateTimeOffset", StringComparison.Ordinal) => "a date and time (ISO 8601)",
            _ when type.Contains("Dictionary", StringComparison.Ordinal) => "an object",
            _ => "a JSON object with this route's fields",
        };
    }

    [GeneratedRegex(@"could not be converted to (\S+?)\.? Path:")]
    private static partial Regex ConvertedTo();

    // "$.usccs[3]" -> "usccs[3]"
    private static string ToField(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";

    // Failed to bind parameter "int page" from "abc".
    [GeneratedRegex("parameter \"(?:[^\" ]+ )?([^\" ]+)\"")]
    private static partial Regex ParameterName();
}
