using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Endpoints;

/// <summary>Data quality per source.</summary>
public static class GovernanceApi
{
    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/data-quality", GetDataQualityAsync)
            .WithName("GetDataQuality")
            .WithDescription("items: per source department, record counts, completeness of the required fields and the share of penalties published within 7 working days of the decision, counted on China's calendar. " +
                "entity_resolution: stored enterprises that one matching rule cannot tell apart (one registration number on several USCCs, names equal up to width, brackets, legal form or where the region stands), counted by rule and listed for review; they are never merged.").WithTags("Governance")
            .WithSummary("Per source department: record counts, completeness of required fields, share of penalties published within 7 working days.")
            .ProducesValidationProblem();
        return app;
    }

    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">1 to 1000 (default 500).</param>
    private static async Task<Results<Ok<DataQualityResponse>, ValidationProblem>> GetDataQualityAsync(
        IGraphStore store, CancellationToken cancellationToken, int page = 1, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int pageSize = 500)
    {
        if (ApiPaging.Check(page, pageSize, 1000) is { } invalid) return invalid;
        var penalties = await ReadAsync<Penalty>(store, cancellationToken);
        var lists = await ReadAsync<ListEntry>(store, cancellationToken);
        var commitments = await ReadAsync<Commitment>(store, cancellationToken);
        var all = DataQualityReport.Build(penalties, lists, commitments);
        var resolution = NearDuplicates.Find(await ReadAsync<Enterprise>(store, cancellationToken));
        return TypedResults.Ok(new DataQualityResponse(page, pageSize, all.Count, ApiPaging.Slice(all, page, pageSize), resolution));
    }

    private static async Task<List<T>> ReadAsync<T>(IGraphStore store, CancellationToken cancellationToken) where T : class
    {
        var rows = new List<T>();
        await foreach (var row in store.ReadAllAsync<T>(cancellationToken)) rows.Add(row);
        return rows;
    }
}
