using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Neo4j;

namespace RiskGraph.Api.Extensions;

/// <summary>
/// A write (or a live store query) that fails because the store cannot be reached answers 503 ProblemDetails, not
/// 500: nothing was stored, warnings keep coming from the last snapshot, and the client may retry later.
/// </summary>
public sealed class StoreUnavailableHandler(IProblemDetailsService problems, ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // Both stores say so with StoreUnavailableException; a live Neo4j read can still surface its own error.
        if (exception is not StoreUnavailableException
            and not Neo4jException { Code: Neo4jException.UnavailableCode or Neo4jException.TimeoutCode } and not Neo4jException { IsTransient: true })
            return false;
        logger.LogWarning("Store unavailable for {Path}: {Message}", context.Request.Path, exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Store unavailable",
                Detail = "The graph store cannot be reached or is busy. Nothing was stored; warnings are still served from the last snapshot. Retry later.",
            },
        });
    }
}
