using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RiskGraph.Api.Extensions;

public static class QueryValidationExtensions
{
    /// <summary>
    /// Refuses a query parameter the route does not take (pagesize=5 for page_size) with a 400 naming it and the ones
    /// the route takes, instead of silently ignoring it (names compare without case, as binding does). The parameters of each route are those the OpenAPI document
    /// lists (the API explorer's), so the two cannot disagree. Runs after authorization: a caller without access
    /// learns nothing about a route's parameters.
    /// </summary>
    public static WebApplication UseRiskGraphQueryValidation(this WebApplication app)
    {
        var known = new Lazy<Dictionary<(string, string), HashSet<string>>>(() => QueryParameters(app.Services));
        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.HasValue && context.GetEndpoint() is RouteEndpoint endpoint
                && known.Value.TryGetValue((context.Request.Method, Normalize(endpoint.RoutePattern.RawText)), out var allowed))
            {
                var unknown = context.Request.Query.Keys.Where(k => !allowed.Contains(k)).Order(StringComparer.Ordinal).ToArray();
                if (unknown.Length > 0)
                {
                    string takes = allowed.Count == 0 ? "no query parameters" : string.Join(", ", allowed.Order(StringComparer.Ordinal));
                    var errors = unknown.ToDictionary(k => k, k => new[] { $"'{Endpoints.ApiProblems.Echo(k)}' is not a parameter of this route; it takes {takes}." });
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = new ValidationProblemDetails(errors) { Status = 400, Title = $"Unknown query parameter {Endpoints.ApiProblems.Echo(unknown[0])}" },
                    });
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    private static Dictionary<(string, string), HashSet<string>> QueryParameters(IServiceProvider services)
    {
        var map = new Dictionary<(string, string), HashSet<string>>();
        foreach (var group in services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items)
        {
            foreach (var description in group.Items)
            {
                if (description.HttpMethod is null || description.RelativePath is null) continue;
                var names = description.ParameterDescriptions.Where(p => p.Source == BindingSource.Query).Select(p => p.Name);
                map[(description.HttpMethod, Normalize(description.RelativePath))] = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
            }
        }
        return map;
    }

    // "/api/enterprises/{uscc}/warning" and "api/enterprises/{uscc}/warning" name the same route.
    private static string Normalize(string? pattern) => (pattern ?? "").Trim('/');
}
