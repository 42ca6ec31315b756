using System.Diagnostics;

namespace RiskGraph.Api.Extensions;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// ProblemDetails answers, with the request's trace id as trace_id (snake_case like every other field; ASP.NET
    /// Core's default is traceId), so a caller can quote it and an operator find the request in the log and traces.
    /// </summary>
    public static IServiceCollection AddRiskGraphProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.Remove("traceId");
            context.ProblemDetails.Extensions["trace_id"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
}
