using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Endpoints;

/// <summary>
/// The write side of credit repair and objections. Each request is validated in full before anything is stored,
/// appends one immutable fact, and returns only after the served state has been rebuilt without the withdrawn record.
/// </summary>
internal static class CreditWrites
{
    public static async Task<Results<Created<RecordChangeResponse>, ValidationProblem, ProblemHttpResult>> RepairAsync(
        RepairRequest request, WarningService service, IGraphStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        if (CheckRecord(snapshot.Ledger, request.RecordId) is { } badRecord) return badRecord;
        if (!DomainNames.TryParse(request.Method ?? "", out RepairMethod method))
            return ApiProblems.InvalidField("method", $"method must be one of {string.Join(", ", DomainNames.AllRepairMethods)}.");
        if (string.IsNullOrWhiteSpace(request.DecidedBy)) return ApiProblems.InvalidField("decided_by", "Name the department that decided the repair.");
        if (string.IsNullOrWhiteSpace(request.Reason)) return ApiProblems.InvalidField("reason", "Say why the record is repaired.");
        if (snapshot.Ledger.StatusOf(request.RecordId!) is { } status && status.IsWithdrawn())
            return Conflict($"Record {request.RecordId} is already {status.Name()}.");

        var repair = new CreditRepair("RP-" + Guid.NewGuid().ToString("N"), request.RecordId!, method, request.DecidedBy.Trim(), request.Reason.Trim(), clock.GetUtcNow());
        await store.UpsertAsync<CreditRepair>([repair], cancellationToken: cancellationToken);
        return await ChangedAsync(service, repair.RepairId, repair.RecordId, cancellationToken);
    }

    public static async Task<Results<Created<RecordChangeResponse>, ValidationProblem, ProblemHttpResult>> ObjectAsync(
        ObjectionRequest request, WarningService service, IGraphStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        if (CheckRecord(snapshot.Ledger, request.RecordId) is { } badRecord) return badRecord;
        if (string.IsNullOrWhiteSpace(request.FiledBy)) return ApiProblems.InvalidField("filed_by", "Name who files the objection.");
        if (string.IsNullOrWhiteSpace(request.Reason)) return ApiProblems.InvalidField("reason", "Say what is objected to.");
        if (snapshot.Ledger.StatusOf(request.RecordId!) is { } status && status.IsWithdrawn())
            return Conflict($"Record {request.RecordId} is already {status.Name()}.");

        var objection = new Objection("OB-" + Guid.NewGuid().ToString("N"), request.RecordId!, request.FiledBy.Trim(), request.Reason.Trim(), clock.GetUtcNow());
        await store.UpsertAsync<Objection>([objection], cancellationToken: cancellationToken);
        return await ChangedAsync(service, objection.ObjectionId, objection.RecordId, cancellationToken);
    }

    public static async Task<Results<Created<RecordChangeResponse>, ValidationProblem, ProblemHttpResult>> DecideObjectionAsync(
        string objectionId, ObjectionOutcomeRequest request, WarningService service, IGraphStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        if (snapshot.Ledger.FindObjection(objectionId) is not { } objection)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown objection", detail: $"No objection {objectionId}.");
        if (!DomainNames.TryParse(request.Result ?? "", out ObjectionResult result))
            return ApiProblems.InvalidField("result", $"result must be one of {string.Join(", ", DomainNames.AllObjectionResults)}.");
        if (string.IsNullOrWhiteSpace(request.DecidedBy)) return ApiProblems.InvalidField("decided_by", "Name the department that decided.");
        if (snapshot.Ledger.OutcomeOf(objectionId) is { } earlier) return Conflict($"Objection {objectionId} was already decided: {earlier.Result.Name()}.");
        var (correction, badCorrection) = ObjectionCorrections.Parse(snapshot.Ledger, objection.RecordId, result, request.Correction);
        if (badCorrection is not null) return badCorrection;

        var outcome = new ObjectionOutcome(objectionId, result, request.DecidedBy.Trim(), request.Note?.Trim() ?? "", clock.GetUtcNow(), correction);
        await store.UpsertAsync<ObjectionOutcome>([outcome], cancellationToken: cancellationToken);
        return await ChangedAsync(service, objectionId, objection.RecordId, cancellationToken);
    }

    private static ValidationProblem? CheckRecord(CreditLedger ledger, string? recordId)
    {
        if (string.IsNullOrWhiteSpace(recordId)) return ApiProblems.InvalidField("record_id", "Give the penalty's or list entry's record_id.");
        return ledger.OwnerOf(recordId) < 0 ? ApiProblems.InvalidField("record_id", $"No penalty or list entry has record_id {recordId}.") : null;
    }

    private static async Task<Results<Created<RecordChangeResponse>, ValidationProblem, ProblemHttpResult>> ChangedAsync(
        WarningService service, string id, string recordId, CancellationToken cancellationToken)
    {
        await service.LoadAsync(cancellationToken);
        var snapshot = service.Snapshot!;
        int owner = snapshot.Ledger.OwnerOf(recordId);
        string uscc = snapshot.Ids.KeyOf(owner);
        var response = new RecordChangeResponse(id, recordId, uscc, snapshot.Ledger.StatusOf(recordId)!.Value.Name(),
            CreditClassifier.Classify(snapshot.Ledger, owner).ToCreditClassResponse());
        return TypedResults.Created($"/api/enterprises/{uscc}/credit", response);
    }

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
