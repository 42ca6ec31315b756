using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Services;
using RiskGraph.Model.Audit;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Endpoints;

/// <summary>Data quality per source, and the audit log for administrators.</summary>
public static class GovernanceApi
{
    public const int MaxAuditEntries = 1000;

    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/data-quality", GetDataQualityAsync)
            .WithName("GetDataQuality").WithTags("Governance")
            .WithSummary("Per source department: record counts, completeness of required fields, share of penalties published within 7 working days.");
        app.MapGet("/api/audit", GetAudit)
            .WithName("GetAuditLog").WithTags("Governance").AddEndpointFilter<AdminKeyFilter>()
            .WithSummary("The append-only query log, newest first (admin: X-Api-Key header).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SourceQuality>>> GetDataQualityAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var penalties = await ReadAsync<Penalty>(store, cancellationToken);
        var lists = await ReadAsync<ListEntry>(store, cancellationToken);
        var commitments = await ReadAsync<Commitment>(store, cancellationToken);
        return TypedResults.Ok(DataQualityReport.Build(penalties, lists, commitments));
    }

    /// <param name="subject">Only entries about this USCC or person key.</param>
    /// <param name="limit">At most this many entries, 1 to 1000 (default 100).</param>
    private static Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem> GetAudit(SqliteAuditLog log, string? subject = null, int? limit = null)
    {
        int take = limit ?? 100;
        if (take is < 1 or > MaxAuditEntries) return ApiProblems.InvalidField("limit", $"limit must be between 1 and {MaxAuditEntries}.");
        return TypedResults.Ok(log.Read(subject, take));
    }

    private static async Task<List<T>> ReadAsync<T>(IGraphStore store, CancellationToken cancellationToken) where T : class
    {
        var rows = new List<T>();
        await foreach (var row in store.ReadAllAsync<T>(cancellationToken)) rows.Add(row);
        return rows;
    }
}
