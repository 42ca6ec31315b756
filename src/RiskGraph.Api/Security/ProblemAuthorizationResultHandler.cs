using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using RiskGraph.Api.Services;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Security;

/// <summary>
/// Turns the authorization middleware's challenge and forbid into ProblemDetails: 401 with WWW-Authenticate when no
/// valid credential was sent, 403 when the principal lacks the role. Both are logged; a 403 is also registered in the
/// audit log, since it is an authenticated principal trying something it may not do.
/// </summary>
public sealed class ProblemAuthorizationResultHandler(
    IProblemDetailsService problems, AuditRecorder audit, ILogger<ProblemAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    public const string Challenge = "Bearer realm=\"RiskGraph\", ApiKey header=\"X-Api-Key\"";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var failure = (await context.AuthenticateAsync()).Failure;
            logger.LogWarning("401 for {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, failure?.Message ?? "no credential");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = Challenge;
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Authentication required",
                failure is null
                    ? "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>' (keys: the CLI verb 'keys create', or keys.txt in the home folder after set-up)."
                    : failure.Message + " Ask an administrator for a valid key.");
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var user = context.User;
            logger.LogWarning("403 for {Actor} ({Role}) on {Method} {Path}", user.ActorName(), user.RoleOf(), context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await audit.RecordDeniedAsync(context);
            await WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed for this role",
                $"The role '{user.RoleOf()?.Name() ?? "none"}' may not call {context.Request.Method} {context.Request.Path}.");
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private async Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
}
