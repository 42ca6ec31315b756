using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Supervision;

namespace RiskGraph.Api.Endpoints;

/// <summary>Lists of natural persons, ingested by ID number and kept under the keyed hash, and batch person checks.</summary>
public static class PersonsApi
{
    public static IEndpointRouteBuilder MapPersonsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/checks/persons", CheckAsync)
            .WithName("CheckPersons")
            .WithDescription("For each ID number (in request order, masked in the answer): person list entries in force and the enterprises the person represents or manages, with their class. ID numbers are hashed at once and never stored or logged.").WithTags("Checks").AuditedWithPurpose()
            .WithSummary($"Batch check of up to {PersonChecks.MaxBatch} persons by ID number: list entries in force and the enterprises they represent or manage.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>Writing list entries on persons: credit officers only.</summary>
    public static IEndpointRouteBuilder MapPersonListWritesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/person-list-entries", AddEntryAsync)
            .WithName("AddPersonListEntry")
            .WithDescription("Stores a dishonest_judgment_debtor or restricted_executive entry on a natural person. The ID number is turned into the home's keyed hash on arrival; only the masked number is answered.").WithTags("Checks").Audited()
            .WithSummary("Ingest a list entry on a natural person by ID number; only the keyed hash is stored.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<PersonCheckResponse>, ValidationProblem, ProblemHttpResult>> CheckAsync(
        PersonCheckRequest request, WarningService service, IGraphStore store, PersonKeyHasher hasher, HttpContext http, CancellationToken cancellationToken)
    {
        // The audit log names how many persons were checked, never their numbers.
        http.Items[AuditRecorder.SubjectKey] = $"persons:{request.IdNumbers?.Count ?? 0}";
        if (request.IdNumbers is not { Count: > 0 } ids) return ApiProblems.InvalidField("id_numbers", "Give at least one ID number.");
        if (ids.Count > PersonChecks.MaxBatch)
            return ApiProblems.InvalidField("id_numbers", $"At most {PersonChecks.MaxBatch} ID numbers per check; got {ids.Count}.");
        for (int i = 0; i < ids.Count; i++)
        {
            if (ResidentIdNumber.Validate(ids[i]) is { } problem)
                return ApiProblems.InvalidField($"id_numbers[{i}]", $"Not a valid resident ID number: {problem}.");
        }
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");

        var index = await LoadIndexAsync(store, cancellationToken);
        var items = new PersonCheckItem[ids.Count];
        for (int i = 0; i < ids.Count; i++)
        {
            var result = PersonChecks.Check(snapshot, index, hasher.KeyOf(ids[i]));
            items[i] = new PersonCheckItem(i, PersonKeyHasher.Mask(ids[i]), result.InGraph, result.EntriesInForce.Count > 0,
                result.EntriesInForce.Select(e => e.ToResponse()).ToArray(),
                result.Enterprises.Select(r => new PersonEnterpriseResponse(snapshot.Ids.KeyOf(r.Enterprise), snapshot.Enterprises.Names[r.Enterprise],
                    r.Role.RoleName(), snapshot.Classes[r.Enterprise].Name())).ToArray());
        }
        int onList = items.Count(p => p.OnList);
        http.Items[AuditRecorder.ReturnedKey] = $"{ids.Count} persons checked, {onList} on lists";
        return TypedResults.Ok(new PersonCheckResponse(snapshot.AsOf, ids.Count, onList, items));
    }

    private static async Task<Results<Created<PersonListEntryCreated>, ValidationProblem>> AddEntryAsync(
        PersonListEntryRequest request, IGraphStore store, PersonKeyHasher hasher, HttpContext http, CancellationToken cancellationToken)
    {
        http.Items[AuditRecorder.SubjectKey] = request.IdNumber is null ? "" : "person:" + PersonKeyHasher.Mask(request.IdNumber);
        if (ResidentIdNumber.Validate(request.IdNumber) is { } problem) return ApiProblems.InvalidField("id_number", $"Not a valid resident ID number: {problem}.");
        if (!DomainNames.TryParse(request.ListType ?? "", out PersonListType listType))
            return ApiProblems.InvalidField("list_type", $"list_type must be one of {string.Join(", ", DomainNames.AllPersonListTypes)}.");
        if (request.ValidFrom is not { } from) return ApiProblems.InvalidField("valid_from", "Give the day the entry takes effect (yyyy-MM-dd).");
        if (request.ValidTo is { } to && to < from) return ApiProblems.InvalidField("valid_to", "valid_to must not be before valid_from.");
        if (string.IsNullOrWhiteSpace(request.Department)) return ApiProblems.InvalidField("department", "Name the determining department.");

        var entry = new PersonListEntry(string.IsNullOrWhiteSpace(request.RecordId) ? "PL-" + Guid.NewGuid().ToString("N") : request.RecordId.Trim(),
            hasher.KeyOf(request.IdNumber!), listType, from, request.ValidTo, request.Department.Trim(),
            string.IsNullOrWhiteSpace(request.LegalBasis) ? null : request.LegalBasis.Trim());
        await store.UpsertAsync<PersonListEntry>([entry], cancellationToken: cancellationToken);
        http.Items[AuditRecorder.ReturnedKey] = $"person list entry {entry.RecordId} ({listType.Name()})";
        return TypedResults.Created("/api/checks/persons",
            new PersonListEntryCreated(entry.RecordId, PersonKeyHasher.Mask(request.IdNumber!), listType.Name(), from, entry.ValidTo, entry.Department));
    }

    /// <summary>The person lists are read per request: they change independently of the snapshot and are small next to the graph.</summary>
    public static async Task<PersonListIndex> LoadIndexAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var entries = new List<PersonListEntry>();
        await foreach (var entry in store.ReadAllAsync<PersonListEntry>(cancellationToken)) entries.Add(entry);
        return new PersonListIndex(entries);
    }

    /// <summary>The enterprise's legal representatives and executives on lists, by display name (never by ID number).</summary>
    public static IReadOnlyList<ListedOfficerResponse> ListedOfficers(GraphSnapshot snapshot, PersonListIndex index, int enterprise) =>
        PersonChecks.ListedOfficersOf(snapshot, index, enterprise)
            .Select(o => new ListedOfficerResponse(snapshot.LabelOf(o.Person), o.Role.RoleName(), o.EntriesInForce.Select(e => e.ToResponse()).ToArray()))
            .ToArray();
}
