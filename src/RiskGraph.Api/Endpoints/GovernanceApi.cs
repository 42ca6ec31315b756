using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage;
using RiskGraph.Api.Contracts;

namespace RiskGraph.Api.Endpoints;

/// <summary>Data quality per source.</summary>
public static class GovernanceApi
{
    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/data-quality", GetDataQualityAsync)
            .WithName("GetDataQuality").WithTags("Governance")
            .WithSummary("Per source department: record counts, completeness of required fields, share of penalties published within 7 working days; near-duplicate enterprises.")
            .WithDescription("items: one entry per source department. entity_resolution: stored enterprises that one matching rule cannot tell apart " +
                "(one registration number on several USCCs, names equal up to width, brackets, legal form or where the region stands), counted by rule and listed for review; they are never merged.");
        return app;
    }

    private static async Task<Ok<DataQualityResponse>> GetDataQualityAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var penalties = await ReadAsync<Penalty>(store, cancellationToken);
        var lists = await ReadAsync<ListEntry>(store, cancellationToken);
        var commitments = await ReadAsync<Commitment>(store, cancellationToken);
        var sources = DataQualityReport.Build(penalties, lists, commitments);
        var resolution = NearDuplicates.Find(await ReadAsync<Enterprise>(store, cancellationToken));
        return TypedResults.Ok(new DataQualityResponse(sources, 1, sources.Count, sources.Count, resolution));
    }

    private static async Task<List<T>> ReadAsync<T>(IGraphStore store, CancellationToken cancellationToken) where T : class
    {
        var rows = new List<T>();
        await foreach (var row in store.ReadAllAsync<T>(cancellationToken)) rows.Add(row);
        return rows;
    }
}
