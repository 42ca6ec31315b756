using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RiskGraph.Model.Audit;

namespace RiskGraph.Api.Extensions;

/// <summary>A request that cannot be registered in the audit log is not answered: 503 with Retry-After, never the data.</summary>
public sealed class AuditUnavailableHandler(IProblemDetailsService problems, ILogger<AuditUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AuditUnavailableException) return false;
        logger.LogError("Audit log unavailable for {Path}: {Message}", context.Request.Path, exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Audit log unavailable",
                Detail = "The query could not be registered in the audit log, so it is not answered. Retry later.",
            },
        });
    }
}
