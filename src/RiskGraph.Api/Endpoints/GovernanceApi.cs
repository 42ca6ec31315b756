using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Endpoints;

/// <summary>Data quality per source.</summary>
public static class GovernanceApi
{
    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/data-quality", GetDataQualityAsync)
            .WithName("GetDataQuality").WithTags("Governance")
            .WithSummary("Per source department: record counts, completeness of required fields, share of penalties published within 7 working days.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SourceQuality>>> GetDataQualityAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var penalties = await ReadAsync<Penalty>(store, cancellationToken);
        var lists = await ReadAsync<ListEntry>(store, cancellationToken);
        var commitments = await ReadAsync<Commitment>(store, cancellationToken);
        return TypedResults.Ok(DataQualityReport.Build(penalties, lists, commitments));
    }

    private static async Task<List<T>> ReadAsync<T>(IGraphStore store, CancellationToken cancellationToken) where T : class
    {
        var rows = new List<T>();
        await foreach (var row in store.ReadAllAsync<T>(cancellationToken)) rows.Add(row);
        return rows;
    }
}
