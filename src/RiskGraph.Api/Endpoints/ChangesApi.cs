using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Endpoints;

/// <summary>The store's change feed, for systems that follow what was written and in which order.</summary>
public static class ChangesApi
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapChangesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/changes", GetChangesAsync).WithName("GetChanges")
            .WithDescription("The store's change feed: every committed write after since, oldest first, with the keys it wrote (null for a bulk import), the store's latest sequence and the one the served outputs reflect. Follow it by passing next_since back.").WithTags("Changes")
            .WithSummary("Writes committed after a sequence number, oldest first, with the served state's sequence; follow by passing next_since.")
            .ProducesValidationProblem();
        return app;
    }

    /// <param name="since">Only writes with a larger sequence number (default 0: from the start).</param>
    /// <param name="limit">At most this many, 1 to 1000 (default 100).</param>
    private static async Task<Results<Ok<ChangesResponse>, ValidationProblem>> GetChangesAsync(
        IGraphStore store, WarningService service, CancellationToken cancellationToken, long since = 0, int limit = 100)
    {
        if (since < 0) return ApiProblems.InvalidField("since", "since is a sequence number, 0 or more.");
        if (limit is < 1 or > MaxLimit) return ApiProblems.InvalidField("limit", $"limit must be between 1 and {MaxLimit}.");
        var changes = await store.ReadChangesAsync(since, limit, cancellationToken);
        long latest = await store.LatestSequenceAsync(cancellationToken);
        return TypedResults.Ok(new ChangesResponse(
            changes.Select(c => new ChangeResponse(c.Sequence, c.At, c.RecordType, c.Rows, c.Keys)).ToArray(),
            changes.Count == 0 ? since : changes[^1].Sequence, latest, service.Sequence));
    }
}
