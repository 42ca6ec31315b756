using RiskGraph.Api.Endpoints;
using RiskGraph.Api.Services;
using RiskGraph.Model.Graph;

namespace RiskGraph.Api.Security;

/// <summary>
/// Object-level authorization (OWASP API1) for routes about one enterprise ({uscc} in the route): a principal limited
/// to a region prefix gets exactly the 404 of an unknown code for an enterprise outside it, so existence never leaks.
/// </summary>
public sealed class RegionScopeFilter(WarningService service) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.RegionScope() is not null && http.Request.RouteValues["uscc"] is string uscc && !IsVisible(service, http, uscc))
            return ValueTask.FromResult<object?>(ApiProblems.UnknownEnterprise(uscc));
        return next(context);
    }

    /// <summary>False when the enterprise exists but lies outside the principal's scope; unknown codes are left to the route.</summary>
    public static bool IsVisible(WarningService service, HttpContext http, string uscc)
    {
        // Without a snapshot the region cannot be told: fail closed.
        if (service.Snapshot is not { } snapshot) return false;
        int id = snapshot.Ids.IdOf(uscc);
        if (id == IdMap.NotFound || !snapshot.Ids.IsEnterprise(id)) return true;
        var a = snapshot.Enterprises;
        return http.User.Covers(a.RegionCodes[a.Region[id]]);
    }
}
