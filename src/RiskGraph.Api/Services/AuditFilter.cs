using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RiskGraph.Api.Endpoints;
using RiskGraph.Api.Options;

namespace RiskGraph.Api.Services;

/// <summary>Marks a route whose answer carries records or persons: the caller must name a purpose (X-Purpose).</summary>
public sealed class RequiresPurposeMetadata;

/// <summary>
/// Registers every audited request before it is answered (查询登记): reads and writes of enterprises and persons,
/// including the ones refused for bad input, each as one bounded row. Routes marked with
/// <see cref="RequiresPurposeMetadata"/> answer 400 without a known X-Purpose.
/// </summary>
public sealed class AuditFilter(AuditRecorder recorder, IOptions<AuthOptions> auth) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        object? result;
        if (http.GetEndpoint()?.Metadata.GetMetadata<RequiresPurposeMetadata>() is not null && PurposeProblem(http) is { } problem) result = problem;
        else result = await next(context);
        int status = StatusOf(result) ?? http.Response.StatusCode;
        string action = HttpMethods.IsGet(http.Request.Method) || http.Request.Path.StartsWithSegments("/api/checks")
            || http.Request.Path.StartsWithSegments("/api/warnings") ? "read" : "write";
        await recorder.RecordAsync(http, status, action);
        return result;
    }

    private ValidationProblem? PurposeProblem(HttpContext http)
    {
        string purpose = http.Request.Headers[AuditRecorder.PurposeHeader].ToString();
        var known = auth.Value.Purposes;
        return Array.IndexOf(known, purpose) >= 0
            ? null
            : ApiProblems.InvalidField(AuditRecorder.PurposeHeader,
                $"This route returns credit records or persons: name the purpose of the query in the X-Purpose header, one of {string.Join(", ", known)}.");
    }

    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult typed => typed.StatusCode,
        _ => null,
    };
}

public static class AuditEndpointExtensions
{
    /// <summary>Registers the route's requests in the audit log.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, AuditFilter>();

    /// <summary>Registers the route's requests and requires a purpose for them.</summary>
    public static TBuilder AuditedWithPurpose<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresPurposeMetadata()).AddEndpointFilter<TBuilder, AuditFilter>();
}
