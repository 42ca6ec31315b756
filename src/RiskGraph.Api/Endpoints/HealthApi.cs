using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RiskGraph.Api.Contracts;

namespace RiskGraph.Api.Endpoints;

/// <summary>GET /health: overall status plus, for a caller with a key, one entry per check (store, model) with its reason.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Liveness for anyone (load balancers, the set-up script); the checks' details only for a caller with a key.
        app.MapGet("/health", GetHealthAsync).WithName("GetHealth").WithTags("Health").AllowAnonymous()
            .WithSummary("Overall status (healthy, degraded, unhealthy); with a key also each check with its reason.")
            .WithDescription("Anonymous callers get only the status. With any key the store check (degraded when the store cannot be " +
                "reached: warnings keep coming from the last snapshot) and the model check (degraded without a trained model) are listed " +
                "with their description and data, e.g. the served data_sequence. 200 while serving can continue, 503 when unhealthy.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealthAsync(
        HealthCheckService health, HttpContext http, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        string status = report.Status.ToString().ToLowerInvariant();
        var checks = http.User.Identity?.IsAuthenticated == true
            ? report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse(
                e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description, e.Value.Data))
            : null;
        var body = new HealthResponse(status, checks);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(body);
    }
}
