using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;

namespace RiskGraph.Api.Endpoints;

/// <summary>Credit files, four-class classification, credit repair and objections.</summary>
public static class CreditApi
{
    public static IEndpointRouteBuilder MapCreditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enterprises/{uscc}/credit", GetCredit)
            .WithName("GetCredit")
            .WithDescription("The enterprise's credit file: class with decisive and matched rules, published penalties and list entries, commitments, repairs and objections. Outside the credit officer's view repaired records show only when they were repaired. X-Purpose is required.").WithTags("Credit").AuditedWithPurpose()
            .WithSummary("Credit class with its triggering records, published penalties and list entries, commitments, repairs and objections.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>Repairs, objections and outcomes: writes that change what is published, each registered with the status before and after.</summary>
    public static IEndpointRouteBuilder MapCreditWritesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/repairs", CreditWrites.RepairAsync).Audited()
            .WithName("RepairRecord")
            .WithDescription("Repairs a penalty or list entry (method commitment, credit_report, training or rectification): it disappears from every published output at once. A record is repaired once: a second attempt answers 409 with the stored repair. Recorded under the authenticated principal.").WithTags("Credit")
            .WithSummary("Record a credit repair: the record disappears from every published output at once; its history stays.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/objections", CreditWrites.ObjectAsync).Audited()
            .WithName("FileObjection")
            .WithDescription("Files an objection against a penalty or list entry; the record is contested until an outcome is decided and still counts meanwhile.").WithTags("Credit")
            .WithSummary("File an objection against a record; the record is contested until the outcome.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/objections/{objection_id}/outcome", CreditWrites.DecideObjectionAsync).Audited()
            .WithName("DecideObjection")
            .WithDescription("Decides an objection once: upheld keeps the record, corrected keeps it at the corrected values given in correction, revoked withdraws it. A second decision answers 409.").WithTags("Credit")
            .WithSummary("Decide an objection: upheld keeps the record, corrected keeps it at the corrected values given, revoked withdraws it.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="uscc">The enterprise's unified social credit code.</param>
    private static Results<Ok<CreditResponse>, ValidationProblem, ProblemHttpResult> GetCredit(string uscc, WarningService service, HttpContext http)
    {
        if (ApiProblems.CheckUscc(uscc) is { } invalid) return invalid;
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        int id = snapshot.Ids.IdOf(uscc);
        if (id == IdMap.NotFound || !snapshot.Ids.IsEnterprise(id)) return ApiProblems.UnknownEnterprise(uscc);

        // The library builds both views; the request's roles choose one (repaired records stay unpublished publicly).
        var file = CreditFile.Build(snapshot.Ledger, id, CreditAudience.Of(http));
        http.Items[AuditRecorder.ReturnedKey] =
            $"credit class {file.Classification.Class.Name()}, {file.Penalties.Count} penalties, {file.ListEntries.Count} list entries, {file.View} view";
        return TypedResults.Ok(new CreditResponse(
            uscc, snapshot.Enterprises.Names[id], snapshot.AsOf, file.Classification.ToCreditClassResponse(),
            file.Penalties.Select(p => p.ToPenaltyResponse()).ToArray(), file.ListEntries.Select(l => l.ToListEntryResponse()).ToArray(),
            file.Commitments.Select(c => c.ToCommitmentResponse()).ToArray(), file.Repairs.Select(r => r.ToRepairResponse()).ToArray(),
            file.Objections.Select(o => o.Objection.ToObjectionResponse(o.Outcome)).ToArray(), GroupOf(service, snapshot, id)));
    }

    /// <summary>The enterprise's conglomerate from the analytics of the same snapshot; null while they are not computed.</summary>
    private static GroupMembershipResponse? GroupOf(WarningService service, GraphSnapshot snapshot, int id)
    {
        var analytics = service.Current is { } scored && ReferenceEquals(scored.Snapshot, snapshot) ? scored.Analytics : service.Analytics;
        return analytics is null ? null : GroupDirectory.MembershipOf(snapshot, analytics.Groups, id);
    }
}
