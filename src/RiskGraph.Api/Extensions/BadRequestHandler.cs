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
        if (bad.InnerException is JsonException { Path: { Length: > 1 } path }) return ToField(path);
        var parameter = ParameterName().Match(bad.Message);
        return parameter.Success ? parameter.Groups[1].Value : "body";
    }

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => $"The body is not the JSON this route expects{(json.Path is { Length: > 1 } p ? $" at {ToField(p)}" : "")}: {Cut(json.Message)}",
        _ when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => "The request body is larger than this server accepts.",
        _ => Cut(bad.Message),
    };

    // "$.usccs[3]" -> "usccs[3]"
    private static string ToField(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";

    // Failed to bind parameter "int page" from "abc".
    [GeneratedRegex("parameter \"(?:[^\" ]+ )?([^\" ]+)\"")]
    private static partial Regex ParameterName();
}
