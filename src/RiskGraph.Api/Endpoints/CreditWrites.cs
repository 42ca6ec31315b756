using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Security;
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
        RepairRequest request, WarningService service, IGraphStore store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        if (CheckRecord(snapshot.Ledger, request.RecordId) is { } badRecord) return badRecord;
        if (!DomainNames.TryParse(request.Method ?? "", out RepairMethod method))
            return ApiProblems.InvalidField("method", $"method must be one of {string.Join(", ", DomainNames.AllRepairMethods)}.");
        if (string.IsNullOrWhiteSpace(request.Reason)) return ApiProblems.InvalidField("reason", "Say why the record is repaired.");
        if (snapshot.Ledger.StatusOf(request.RecordId!) is { } status && status.IsWithdrawn())
            return Conflict($"Record {request.RecordId} is already {status.Name()}.", snapshot.Ledger.HistoryOf(request.RecordId!)?.Repairs.FirstOrDefault());

        Before(http, snapshot.Ledger, request.RecordId!);
        var repair = new CreditRepair("RP-" + Guid.NewGuid().ToString("N"), request.RecordId!, method, Actor(http), request.Reason.Trim(), clock.GetUtcNow());
        // The store decides between concurrent repairs of one record: the snapshot check above can race.
        var write = await store.AppendOnceAsync(repair, cancellationToken);
        if (!write.Appended) return Conflict($"Record {repair.RecordId} is already repaired.", write.Stored);
        return await ChangedAsync(service, http, repair.RepairId, repair.RecordId, write.Sequence, cancellationToken);
    }

    public static async Task<Results<Created<RecordChangeResponse>, ValidationProblem, ProblemHttpResult>> ObjectAsync(
        ObjectionRequest request, WarningService service, IGraphStore store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        if (CheckRecord(snapshot.Ledger, request.RecordId) is { } badRecord) return badRecord;
        if (string.IsNullOrWhiteSpace(request.FiledBy)) return ApiProblems.InvalidField("filed_by", "Name who files the objection.");
        if (string.IsNullOrWhiteSpace(request.Reason)) return ApiProblems.InvalidField("reason", "Say what is objected to.");
        if (snapshot.Ledger.StatusOf(request.RecordId!) is { } status && status.IsWithdrawn())
            return Conflict($"Record {request.RecordId} is already {status.Name()}.");

        Before(http, snapshot.Ledger, request.RecordId!);
        var objection = new Objection("OB-" + Guid.NewGuid().ToString("N"), request.RecordId!, request.FiledBy.Trim(), request.Reason.Trim(), clock.GetUtcNow());
        long sequence = await store.UpsertAsync<Objection>([objection], cancellationToken: cancellationToken);
        return await ChangedAsync(service, http, objection.ObjectionId, objection.RecordId, sequence, cancellationToken);
    }

    public static async Task<Results<Created<RecordChangeResponse>, ValidationProblem, ProblemHttpResult>> DecideObjectionAsync(
        string objectionId, ObjectionOutcomeRequest request, WarningService service, IGraphStore store, TimeProvider clock,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        if (snapshot.Ledger.FindObjection(objectionId) is not { } objection)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown objection", detail: $"No objection {ApiProblems.Echo(objectionId)}.");
        if (!DomainNames.TryParse(request.Result ?? "", out ObjectionResult result))
            return ApiProblems.InvalidField("result", $"result must be one of {string.Join(", ", DomainNames.AllObjectionResults)}.");
        if (snapshot.Ledger.OutcomeOf(objectionId) is { } earlier) return Conflict($"Objection {objectionId} was already decided: {earlier.Result.Name()}.");
        var (correction, badCorrection) = ObjectionCorrections.Parse(snapshot.Ledger, objection.RecordId, result, request.Correction);
        if (badCorrection is not null) return badCorrection;

        Before(http, snapshot.Ledger, objection.RecordId);
        http.Items[AuditRecorder.SubjectKey] = snapshot.Ids.KeyOf(snapshot.Ledger.OwnerOf(objection.RecordId));
        var outcome = new ObjectionOutcome(objectionId, result, Actor(http), request.Note?.Trim() ?? "", clock.GetUtcNow(), correction);
        var write = await store.AppendOnceAsync(outcome, cancellationToken);
        if (!write.Appended) return Conflict($"Objection {ApiProblems.Echo(objectionId)} was already decided: {write.Stored.Result.Name()}.");
        return await ChangedAsync(service, http, objectionId, objection.RecordId, write.Sequence, cancellationToken);
    }

    private static ValidationProblem? CheckRecord(CreditLedger ledger, string? recordId)
    {
        if (string.IsNullOrWhiteSpace(recordId)) return ApiProblems.InvalidField("record_id", "Give the penalty's or list entry's record_id.");
        return ledger.OwnerOf(recordId) < 0 ? ApiProblems.InvalidField("record_id", $"No penalty or list entry has record_id {ApiProblems.Echo(recordId)}.") : null;
    }

    /// <summary>Who decided, as the audit log and the credit file show it: the authenticated principal and its department.</summary>
    private static string Actor(HttpContext http) => $"{http.User.ActorName()} ({http.User.DepartmentOf()})";

    private static void Before(HttpContext http, CreditLedger ledger, string recordId)
    {
        http.Items[AuditRecorder.SubjectKey] = recordId;
        http.Items[AuditRecorder.BeforeKey] = $"{recordId}: {ledger.StatusOf(recordId)?.Name() ?? "unknown"}";
    }

    private static async Task<Results<Created<RecordChangeResponse>, ValidationProblem, ProblemHttpResult>> ChangedAsync(
        WarningService service, HttpContext http, string id, string recordId, long sequence, CancellationToken cancellationToken)
    {
        bool caughtUp = await service.CatchUpAsync(cancellationToken);
        var state = service.State;
        var snapshot = state.Snapshot!;
        int owner = snapshot.Ledger.OwnerOf(recordId);
        string uscc = snapshot.Ids.KeyOf(owner);
        var response = new RecordChangeResponse(id, recordId, uscc, snapshot.Ledger.StatusOf(recordId)!.Value.Name(),
            CreditClassifier.Classify(snapshot.Ledger, owner).ToCreditClassResponse(), Actor(http), sequence,
            caughtUp && state.Sequence >= sequence && state.Problem is null);
        http.Items[AuditRecorder.SubjectKey] = uscc;
        http.Items[AuditRecorder.AfterKey] = $"{recordId}: {response.RecordStatus}; class {response.CreditClass.Class}";
        http.Items[AuditRecorder.ReturnedKey] = $"{id} on {recordId}";
        return TypedResults.Created($"/api/enterprises/{uscc}/credit", response);
    }

    /// <param name="existing">The repair already stored for the record, returned so the caller sees who decided it and when.</param>
    private static ProblemHttpResult Conflict(string detail, CreditRepair? existing = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail,
            extensions: existing is null ? null : new Dictionary<string, object?>
            {
                ["existing_repair"] = new Dictionary<string, object?>
                {
                    ["repair_id"] = existing.RepairId, ["record_id"] = existing.RecordId, ["method"] = existing.Method.Name(),
                    ["decided_by"] = existing.DecidedBy, ["decided_at"] = existing.DecidedAt,
                },
            });
}
