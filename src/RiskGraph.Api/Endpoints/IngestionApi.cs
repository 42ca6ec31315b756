using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Endpoints;

/// <summary>Records arriving through the API, as departments publish them: validated whole, stored in one transaction.</summary>
public static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/records", IngestAsync).WithName("IngestRecords").WithTags("Ingestion").Audited()
            .WithSummary($"Ingest up to {RecordIngestion.MaxRecords:N0} penalties, list entries and commitments; idempotent by record id, all or nothing.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<RecordsResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        RecordsRequest request, WarningService service, IGraphStore store, PersonKeyHasher hasher, CreditClock clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        int total = (request.Penalties?.Count ?? 0) + (request.ListEntries?.Count ?? 0) + (request.Commitments?.Count ?? 0);
        http.Items[AuditRecorder.SubjectKey] = $"records:{total}";
        if (total == 0) return ApiProblems.InvalidField("penalties", "Send at least one record in penalties, list_entries or commitments.");
        if (total > RecordIngestion.MaxRecords)
            return ApiProblems.InvalidField("penalties", $"At most {RecordIngestion.MaxRecords:N0} records per request; got {total:N0}.");
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");

        RecordBatch batch;
        (Penalty[], ListEntry[], Commitment[]) records;
        try
        {
            batch = new RecordBatch(AsText(request.Penalties, "penalties"), AsText(request.ListEntries, "list_entries"), AsText(request.Commitments, "commitments"));
            records = RecordIngestion.Parse(batch, uscc => IsEnterprise(snapshot, uscc), hasher, new ImportOptions { Today = clock.Today });
        }
        catch (ImportException e)
        {
            return ApiProblems.InvalidField(e.Field ?? e.File, e.Reason);
        }
        var result = await RecordIngestion.StoreAsync(store, records, record => Existing(snapshot, record), cancellationToken);
        bool caughtUp = result.Created + result.Updated == 0 || await service.CatchUpAsync(cancellationToken);
        var state = service.State;
        http.Items[AuditRecorder.ReturnedKey] = $"{result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged, sequence {result.Sequence}";
        return TypedResults.Ok(new RecordsResponse(result.Created, result.Updated, result.Unchanged, result.Sequence,
            caughtUp && state.Sequence >= result.Sequence && state.Problem is null));
    }

    private static bool IsEnterprise(GraphSnapshot snapshot, string uscc)
    {
        int id = snapshot.Ids.IdOf(uscc);
        return id != IdMap.NotFound && snapshot.Ids.IsEnterprise(id);
    }

    /// <summary>The served record with the same id, so unchanged records are not written again.</summary>
    private static object? Existing(GraphSnapshot snapshot, object record)
    {
        var ledger = snapshot.Ledger;
        switch (record)
        {
            case Penalty p when ledger.OwnerOf(p.RecordId) is var owner and >= 0:
                foreach (var stored in ledger.PenaltiesOf(owner)) if (stored.RecordId == p.RecordId) return stored;
                return null;
            case ListEntry l when ledger.OwnerOf(l.RecordId) is var owner and >= 0:
                foreach (var stored in ledger.ListEntriesOf(owner)) if (stored.RecordId == l.RecordId) return stored;
                return null;
            case Commitment c:
                foreach (var stored in ledger.CommitmentsOf(snapshot.Ids.IdOf(c.Uscc))) if (stored.CommitmentId == c.CommitmentId) return stored;
                return null;
            default:
                return null;
        }
    }

    /// <summary>JSON values as the CSV text they stand for; objects and arrays are not field values.</summary>
    internal static IReadOnlyList<IReadOnlyDictionary<string, string?>>? AsText(IReadOnlyList<Dictionary<string, JsonElement>>? records, string name)
    {
        if (records is null) return null;
        var rows = new List<IReadOnlyDictionary<string, string?>>(records.Count);
        for (int i = 0; i < records.Count; i++)
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (field, value) in records[i] ?? [])
            {
                row[field] = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    JsonValueKind.Null => null,
                    _ => throw new ImportException(name, i, 0, $"{field}: must be a string or a number") { Field = $"{name}[{i}].{ApiProblems.Echo(field)}" },
                };
            }
            rows.Add(row);
        }
        return rows;
    }
}
