using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Security;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;

namespace RiskGraph.Api.Endpoints;

/// <summary>"Check on every application": list memberships, class, restrictions for the purpose, commitment eligibility and warning in one call.</summary>
public static class ChecksApi
{
    public static IEndpointRouteBuilder MapChecksApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/checks", Check)
            .WithName("CheckApplicant")
            .WithDescription("The check on every application: lists in force, the credit class with its rule and records, the restrictions and incentives for the purpose, commitment eligibility, the current warning and the legal representative and executives who are on lists of persons. X-Purpose is required.").WithTags("Checks").AuditedWithPurpose()
            .WithSummary("Credit check of an applicant for one purpose (procurement, bidding, subsidy, approval, honours, financing).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<CheckResponse>, ValidationProblem, ProblemHttpResult>> Check(
        CheckRequest request, WarningService service, RiskGraph.Model.Storage.IGraphStore store, HttpContext http, CancellationToken cancellationToken)
    {
        http.Items[AuditRecorder.SubjectKey] = request.Uscc ?? "";
        if (ApiProblems.CheckUscc(request.Uscc) is { } invalid) return invalid;
        if (request.Purpose is null || !CheckPolicy.IsKnownPurpose(request.Purpose))
            return ApiProblems.InvalidField("purpose", $"purpose must be one of {string.Join(", ", CheckPolicy.Purposes)}.");
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        int id = snapshot.Ids.IdOf(request.Uscc!);
        if (id == IdMap.NotFound || !snapshot.Ids.IsEnterprise(id) || !RegionScopeFilter.IsVisible(service, http, request.Uscc!))
            return ApiProblems.UnknownEnterprise(request.Uscc!);

        var outcome = CheckPolicy.Check(snapshot.Ledger, snapshot.Classes, id, request.Purpose);
        // Warnings come from the scored graph when a model is loaded; the rules answer without one.
        CheckWarningResponse? warning = null;
        if (service.Current is { } scored && ReferenceEquals(scored.Snapshot, snapshot))
        {
            double score = scored.Probability[id];
            warning = new CheckWarningResponse(Math.Round(score, 6), RiskGraph.Model.Scoring.WarningLevels.LevelOf(score), scored.ModelVersion);
        }
        http.Items[AuditRecorder.ReturnedKey] =
            $"check for {request.Purpose}: class {outcome.Classification.Class.Name()}, restrictions [{string.Join(",", outcome.Restrictions.Select(r => r.Code))}], eligible {outcome.CommitmentEligibility.Eligible}";
        return TypedResults.Ok(new CheckResponse(
            request.Uscc!, snapshot.Enterprises.Names[id], request.Purpose, outcome.Classification.ToCreditClassResponse(),
            outcome.ListsInForce.Select(l => l.ToListEntryResponse(snapshot.Ledger.StatusOf(l))).ToArray(),
            outcome.Restrictions.Select(m => m.ToMeasureResponse()).ToArray(), outcome.Incentives.Select(m => m.ToMeasureResponse()).ToArray(),
            new CommitmentEligibilityResponse(outcome.CommitmentEligibility.Eligible, outcome.CommitmentEligibility.Reason, outcome.CommitmentEligibility.RecordIds),
            outcome.Supervision, warning, snapshot.AsOf,
            PersonsApi.ListedOfficers(snapshot, await PersonsApi.LoadIndexAsync(store, cancellationToken), id)));
    }
}
