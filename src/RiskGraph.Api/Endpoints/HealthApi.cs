using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RiskGraph.Api.Endpoints;

/// <summary>GET /health: overall status plus one entry per check (store, model) with its reason.</summary>
public static class HealthApi
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Liveness for anyone (load balancers, the set-up script); the checks' details only for a caller with a key.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).WithTags("Health").AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        string status = report.Status.ToString().ToLowerInvariant();
        if (context.User.Identity?.IsAuthenticated != true) return context.Response.WriteAsync(JsonSerializer.Serialize(new { Status = status }, Json));
        var body = new
        {
            Status = status,
            Checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { Status = e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description, e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
