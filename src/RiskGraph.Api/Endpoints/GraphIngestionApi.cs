using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Endpoints;

/// <summary>Enterprises, persons and relations arriving through the API: validated whole, stored in one transaction.</summary>
public static class GraphIngestionApi
{
    public static IEndpointRouteBuilder MapGraphIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/enterprises", UpsertEnterprisesAsync).WithName("UpsertEnterprises").WithTags("Ingestion").Audited()
            .WithSummary($"Upsert up to {GraphIngestion.MaxRows:N0} enterprises and persons, all or nothing.")
            .WithDescription("Fields as in enterprises.csv and persons.csv. New structure is served after the background rebuild: see reflected.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/relations", UpsertRelationsAsync).WithName("UpsertRelations").WithTags("Ingestion").Audited()
            .WithSummary($"Upsert and remove up to {GraphIngestion.MaxRows:N0} relations, all or nothing.")
            .WithDescription("Legal representatives, executives, shareholdings, supply links and guarantees; those under remove are removed by key.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Task<Results<Ok<GraphWriteResponse>, ValidationProblem, ProblemHttpResult>> UpsertEnterprisesAsync(
        EnterprisesRequest request, WarningService service, IGraphStore store, PersonKeyHasher hasher, CreditClock clock, HttpContext http,
        CancellationToken cancellationToken) =>
        WriteAsync(() => new GraphBatch(
                Enterprises: IngestionApi.AsText(request.Enterprises, "enterprises"), Persons: IngestionApi.AsText(request.Persons, "persons")),
            () => null, "enterprises", service, store, hasher, clock, http, cancellationToken);

    private static Task<Results<Ok<GraphWriteResponse>, ValidationProblem, ProblemHttpResult>> UpsertRelationsAsync(
        RelationsRequest request, WarningService service, IGraphStore store, PersonKeyHasher hasher, CreditClock clock, HttpContext http,
        CancellationToken cancellationToken) =>
        WriteAsync(() => Relations(request, ""), () => request.Remove is { } remove ? Relations(remove, "remove.") : null,
            "legal_representatives", service, store, hasher, clock, http, cancellationToken);

    private static GraphBatch Relations(RelationsRequest request, string prefix) => new(
        LegalRepresentatives: IngestionApi.AsText(request.LegalRepresentatives, prefix + "legal_representatives"),
        Executives: IngestionApi.AsText(request.Executives, prefix + "executives"),
        Shareholdings: IngestionApi.AsText(request.Shareholdings, prefix + "shareholdings"),
        SupplyLinks: IngestionApi.AsText(request.SupplyLinks, prefix + "supply_links"),
        Guarantees: IngestionApi.AsText(request.Guarantees, prefix + "guarantees"));

    private static async Task<Results<Ok<GraphWriteResponse>, ValidationProblem, ProblemHttpResult>> WriteAsync(
        Func<GraphBatch> upserts, Func<GraphBatch?> removals, string firstField, WarningService service, IGraphStore store, PersonKeyHasher hasher,
        CreditClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        GraphIngestion.Parsed parsed;
        int removed;
        try
        {
            var batch = upserts();
            var remove = removals();
            int total = batch.Count + (remove?.Count ?? 0);
            http.Items[AuditRecorder.SubjectKey] = $"rows:{total}";
            if (total == 0) return ApiProblems.InvalidField(firstField, "Send at least one row.");
            if (total > GraphIngestion.MaxRows) return ApiProblems.InvalidField(firstField, $"At most {GraphIngestion.MaxRows:N0} rows per request; got {total:N0}.");
            parsed = await GraphIngestion.ParseAsync(batch, remove, store, hasher, new ImportOptions { Today = clock.Today }, cancellationToken);
            removed = remove?.Count ?? 0;
        }
        catch (ImportException e)
        {
            return ApiProblems.InvalidField(e.Field ?? e.File, e.Reason);
        }
        long sequence = await GraphIngestion.StoreAsync(store, parsed, cancellationToken);
        bool caughtUp = await service.CatchUpAsync(cancellationToken);
        var state = service.State;
        http.Items[AuditRecorder.ReturnedKey] = $"{parsed.Rows.Count} written, {removed} removed, sequence {sequence}";
        return TypedResults.Ok(new GraphWriteResponse(parsed.Rows.Count, removed, sequence, caughtUp && state.Sequence >= sequence && state.Problem is null));
    }
}
