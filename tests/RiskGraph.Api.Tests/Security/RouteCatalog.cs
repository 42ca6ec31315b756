using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Security;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests.Security;

/// <summary>One endpoint of the running API: its method, route pattern and the policy it carries (null for anonymous).</summary>
public sealed record RouteEntry(string Method, string Pattern, string? Policy, bool Anonymous);

/// <summary>
/// The endpoints read from the API's own <see cref="EndpointDataSource"/>, so a route added later is covered by the
/// security tests without anyone remembering to list it, and the role table the issue gives, route by route.
/// </summary>
public static class RouteCatalog
{
    /// <summary>Which policy each route must carry: the roles table of the security issue.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExpectedPolicy = new Dictionary<string, string>
    {
        ["GET /api/enterprises/{uscc}/warning"] = RiskGraphPolicies.Scoring,
        ["POST /api/warnings/batch"] = RiskGraphPolicies.Scoring,
        ["POST /api/checks"] = RiskGraphPolicies.Scoring,
        ["GET /api/enterprises"] = RiskGraphPolicies.Analysis,
        ["GET /api/enterprises/{uscc}/network"] = RiskGraphPolicies.Analysis,
        ["GET /api/enterprises/{uscc}/credit"] = RiskGraphPolicies.Analysis,
        ["GET /api/enterprises/{uscc}/controllers"] = RiskGraphPolicies.Analysis,
        ["GET /api/enterprises/{uscc}/exposure"] = RiskGraphPolicies.Analysis,
        ["GET /api/enterprises/{uscc}/community"] = RiskGraphPolicies.Analysis,
        ["GET /api/enterprises/{uscc}/explanation"] = RiskGraphPolicies.Analysis,
        ["POST /api/exports/xlsx"] = RiskGraphPolicies.Analysis,
        ["GET /api/alerts"] = RiskGraphPolicies.Analysis,
        ["GET /api/data-quality"] = RiskGraphPolicies.Analysis,
        ["GET /api/models"] = RiskGraphPolicies.Analysis,
        ["GET /api/models/{version}/drift"] = RiskGraphPolicies.Analysis,
        ["GET /api/changes"] = RiskGraphPolicies.Analysis,
        ["GET /api/lists/{list_type}"] = RiskGraphPolicies.Analysis,
        ["GET /api/indicators"] = RiskGraphPolicies.Analysis,
        ["GET /api/enterprises/{uscc}/report"] = RiskGraphPolicies.Analysis,
        ["POST /api/checks/persons"] = RiskGraphPolicies.Analysis,
        ["GET /api/guarantee-circles"] = RiskGraphPolicies.Analysis,
        ["GET /api/enterprises/{uscc}/guarantee-circle"] = RiskGraphPolicies.Analysis,
        ["GET /api/groups"] = RiskGraphPolicies.Analysis,
        ["GET /api/groups/{id}"] = RiskGraphPolicies.Analysis,
        ["GET /api/persons/{key}/enterprises"] = RiskGraphPolicies.Analysis,
        ["GET /api/enterprises/{uscc}/supply-chain"] = RiskGraphPolicies.Analysis,
        ["POST /api/watchlists"] = RiskGraphPolicies.Analysis,
        ["GET /api/watchlists"] = RiskGraphPolicies.Analysis,
        ["GET /api/watchlists/{id}"] = RiskGraphPolicies.Analysis,
        ["DELETE /api/watchlists/{id}"] = RiskGraphPolicies.Analysis,
        ["POST /api/watchlists/{id}/members"] = RiskGraphPolicies.Analysis,
        ["POST /api/watchlists/{id}/members/remove"] = RiskGraphPolicies.Analysis,
        ["GET /api/watchlists/{id}/events"] = RiskGraphPolicies.Analysis,
        ["GET /api/watchlists/{id}/stream"] = RiskGraphPolicies.Analysis,
        ["POST /api/watchlists/{id}/webhooks"] = RiskGraphPolicies.Analysis,
        ["GET /api/watchlists/{id}/webhooks"] = RiskGraphPolicies.Analysis,
        ["GET /api/watchlists/{id}/summary"] = RiskGraphPolicies.Analysis,
        ["GET /api/enterprises/{uscc}/history"] = RiskGraphPolicies.Analysis,
        ["POST /api/person-list-entries"] = RiskGraphPolicies.CreditWrites,
        ["POST /api/inspections"] = RiskGraphPolicies.CreditWrites,
        ["POST /api/inspections/plan"] = RiskGraphPolicies.CreditWrites,
        ["POST /api/repairs"] = RiskGraphPolicies.CreditWrites,
        ["POST /api/records"] = RiskGraphPolicies.CreditWrites,
        ["POST /api/enterprises"] = RiskGraphPolicies.CreditWrites,
        ["POST /api/relations"] = RiskGraphPolicies.CreditWrites,
        ["POST /api/objections"] = RiskGraphPolicies.CreditWrites,
        ["POST /api/objections/{objection_id}/outcome"] = RiskGraphPolicies.CreditWrites,
        ["POST /api/models/{version}/activate"] = RiskGraphPolicies.Administration,
        ["GET /api/audit"] = RiskGraphPolicies.Administration,
        ["GET /api/keys"] = RiskGraphPolicies.Administration,
        ["POST /api/keys"] = RiskGraphPolicies.Administration,
        ["DELETE /api/keys/{name}"] = RiskGraphPolicies.Administration,
        ["GET /metrics"] = RiskGraphPolicies.Metrics,
    };

    public static IReadOnlyList<RouteEntry> Read(IServiceProvider services)
    {
        var routes = new List<RouteEntry>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            string pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToArray();
            bool anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (string method in methods) routes.Add(new RouteEntry(method, pattern, policies.LastOrDefault(), anonymous));
        }
        return routes;
    }

    /// <summary>Whether a principal of <paramref name="role"/> passes <paramref name="policy"/>.</summary>
    public static bool Allows(string policy, ApiRole role) => RiskGraphPolicies.Roles[policy].Contains(role.Name());

    /// <summary>A request for the route that touches nothing: route values that exist (or are harmless), bodies that fail validation.</summary>
    public static HttpRequestMessage SampleRequest(RouteEntry route, string uscc)
    {
        string path = route.Pattern.Replace("{uscc}", uscc).Replace("{list_type}", "red_list").Replace("{objection_id}", "OB-none").Replace("{version}", "v999").Replace("{name}", "nobody")
            .Replace("{id}", "g_000000000000000000000000").Replace("{key}", "p_000000000000000000000000");
        if (path == "/api/alerts") path += "?kind=cross_region&top=3";
        if (path == "/api/enterprises") path += "?query=" + uscc[..6];
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method == "POST") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return request;
    }
}
