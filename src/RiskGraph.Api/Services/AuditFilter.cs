using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Model.Audit;

namespace RiskGraph.Api.Services;

/// <summary>
/// Writes every query of an enterprise or person to the append-only audit log: requester (X-Requester header),
/// purpose (X-Purpose header, or the check's purpose), time, route, subject and a summary of what was returned.
/// Endpoints put the subject and summary in <see cref="HttpContext.Items"/> under the keys below.
/// </summary>
public sealed class AuditFilter(SqliteAuditLog log, TimeProvider clock) : IEndpointFilter
{
    public const string SubjectKey = "audit.subject";
    public const string ReturnedKey = "audit.returned";
    public const string PurposeKey = "audit.purpose";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        object? result = await next(context);
        var http = context.HttpContext;
        int status = StatusOf(result) ?? http.Response.StatusCode;
        string subject = http.Items[SubjectKey] as string ?? http.Request.RouteValues["uscc"] as string ?? "";
        log.Append(new AuditEntry(
            0, clock.GetUtcNow(), Header(http, "X-Requester") ?? "anonymous",
            http.Items[PurposeKey] as string ?? Header(http, "X-Purpose") ?? "unspecified",
            http.Request.Method, http.Request.Path + http.Request.QueryString, subject, status,
            http.Items[ReturnedKey] as string ?? $"status {status}"));
        return result;
    }

    private static string? Header(HttpContext http, string name) =>
        http.Request.Headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult typed => typed.StatusCode,
        _ => null,
    };
}
