using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Extensions;
using RiskGraph.Api.Options;
using RiskGraph.Api.Services;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Endpoints;

/// <summary>The association network around an enterprise, for analysts.</summary>
public static class NetworkApi
{
    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enterprises/{uscc}/network", GetNetwork)
            .WithName("GetNetwork")
            .WithDescription("Breadth-first from the enterprise to depth (1 to 3) and at most max_nodes nodes: enterprises with class and warning, persons under their keyed hash only, and typed edges (share, title, amount). Says how many nodes were left out. X-Purpose is required.").WithTags("Network").AuditedWithPurpose().WithRequestTimeout(RequestLimitsExtensions.ExpensiveTimeout)
            .WithSummary("Enterprises and persons within 1-3 hops, with typed edges; capped, saying how many nodes were left out.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="uscc">The centre enterprise's unified social credit code.</param>
    /// <param name="depth">Hops from the centre, 1 to 3 (default 1).</param>
    /// <param name="maxNodes">Node cap, 1 to 5000 (default 200).</param>
    private static async Task<Results<Ok<NetworkResponse>, ValidationProblem, ProblemHttpResult>> GetNetwork(
        string uscc, IGraphStore store, WarningService service, IOptions<LimitsOptions> limits, HttpContext http, CancellationToken cancellationToken,
        int? depth = null, [FromQuery(Name = "max_nodes")] int? maxNodes = null)
    {
        if (ApiProblems.CheckUscc(uscc) is { } invalid) return invalid;
        int hops = depth ?? 1;
        if (hops is < 1 or > NetworkCollector.MaxDepth)
            return ApiProblems.InvalidField("depth", $"depth must be between 1 and {NetworkCollector.MaxDepth}; got {hops}.");
        int cap = maxNodes ?? NetworkContracts.DefaultMaxNodes;
        if (cap is < 1 or > NetworkContracts.MaxNodesLimit)
            return ApiProblems.InvalidField("max_nodes", $"max_nodes must be between 1 and {NetworkContracts.MaxNodesLimit}; got {cap}.");
        // The cost of a network grows with depth and node cap together: their product is capped (OWASP API4).
        if ((long)hops * cap > limits.Value.NetworkMaxCost)
            return ApiProblems.InvalidField("max_nodes", $"depth × max_nodes may be at most {limits.Value.NetworkMaxCost}; got {hops} × {cap}.");
        if (await store.FindEnterpriseAsync(uscc, cancellationToken) is null) return ApiProblems.UnknownEnterprise(uscc);
        var view = await store.GetNetworkAsync(uscc, hops, cap, cancellationToken);
        http.Items[AuditRecorder.ReturnedKey] = $"network of {view.Nodes.Count} nodes, {view.Edges.Count} edges";
        return TypedResults.Ok(view.ToNetworkResponse(cap, service.Snapshot, service.Current));
    }
}
