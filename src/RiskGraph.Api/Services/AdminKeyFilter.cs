using System.Security.Cryptography;
using System.Text;

namespace RiskGraph.Api.Services;

/// <summary>
/// Admin-only routes need the X-Api-Key header to match RiskGraph:AdminKey (or RISKGRAPH_ADMIN_KEY). Without a
/// configured key they are closed, never open.
/// </summary>
public sealed class AdminKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        string? expected = configuration["RiskGraph:AdminKey"] ?? Environment.GetEnvironmentVariable("RISKGRAPH_ADMIN_KEY");
        if (string.IsNullOrEmpty(expected))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Admin access is not configured",
                detail: "Set RiskGraph:AdminKey (or RISKGRAPH_ADMIN_KEY) to enable admin routes.");
        string given = context.HttpContext.Request.Headers["X-Api-Key"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required",
                detail: "Send the admin key in the X-Api-Key header.");
        return await next(context);
    }
}
