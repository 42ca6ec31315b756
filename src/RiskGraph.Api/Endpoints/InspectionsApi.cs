using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Supervision;

namespace RiskGraph.Api.Endpoints;

/// <summary>Inspection results written back to the credit file, and "double random" spot-check plans.</summary>
public static class InspectionsApi
{
    private static readonly object PlanLock = new();

    public static IEndpointRouteBuilder MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/inspections", RecordAsync)
            .WithName("RecordInspection")
            .WithDescription("Writes an inspection result back: no_problem leaves the class to the other records, education_only makes it warning, unreachable dishonest, case_opened warning until the penalty is decided.").WithTags("Inspections").Audited()
            .WithSummary("Record an inspection result (no_problem, education_only, unreachable, case_opened); the class follows at once.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/inspections/plan", Plan)
            .WithName("PlanInspections")
            .WithDescription("\"Double random, one public\": draws enterprises per risk tier (low 3 %, normal 5 %, high 20 %) for the period and region and assigns two inspectors at random to each. The same period, region and seed give back the stored plan.").WithTags("Inspections").Audited()
            .WithSummary("Draw enterprises per risk tier and assign inspectors at random for one month; reproducible for a seed; stored and audited.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Created<InspectionResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        InspectionRequest request, WarningService service, IGraphStore store, HttpContext http, CancellationToken cancellationToken)
    {
        http.Items[AuditRecorder.SubjectKey] = request.Uscc ?? "";
        if (ApiProblems.CheckUscc(request.Uscc) is { } invalid) return invalid;
        if (request.InspectedOn is not { } day) return ApiProblems.InvalidField("inspected_on", "Give the inspection day as yyyy-MM-dd.");
        if (!DomainNames.TryParse(request.Outcome ?? "", out InspectionOutcome outcome))
            return ApiProblems.InvalidField("outcome", $"outcome must be one of {string.Join(", ", DomainNames.AllInspectionOutcomes)}.");
        if (string.IsNullOrWhiteSpace(request.Department)) return ApiProblems.InvalidField("department", "Name the inspecting department.");
        var inspectors = request.Inspectors?.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToArray() ?? [];
        if (inspectors.Length == 0 || inspectors.Any(i => i.Contains(',')))
            return ApiProblems.InvalidField("inspectors", "Name at least one inspector; names may not contain commas.");
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        if (day > snapshot.AsOf) return ApiProblems.InvalidField("inspected_on", $"inspected_on must not be after {snapshot.AsOf:yyyy-MM-dd}.");
        int id = snapshot.Ids.IdOf(request.Uscc!);
        if (id == IdMap.NotFound || !snapshot.Ids.IsEnterprise(id)) return ApiProblems.UnknownEnterprise(request.Uscc!);

        var inspection = new Inspection("IN-" + Guid.NewGuid().ToString("N"), request.Uscc!, day, outcome, request.Department.Trim(),
            string.Join(",", inspectors), string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), request.PlanId);
        await store.UpsertAsync<Inspection>([inspection], cancellationToken: cancellationToken);
        // Seed 001: 「检查结果将自动公示,并影响信用风险分类」 — the class is recomputed before answering.
        await service.CatchUpAsync(cancellationToken);
        var served = service.Snapshot!;
        var classification = CreditClassifier.Classify(served.Ledger, served.Ids.IdOf(inspection.Uscc));
        http.Items[AuditRecorder.ReturnedKey] = $"inspection {outcome.Name()}, class {classification.Class.Name()}";
        return TypedResults.Created($"/api/enterprises/{inspection.Uscc}/credit", inspection.ToInspectionResponse(classification));
    }

    private static Results<Ok<InspectionPlanResponse>, ValidationProblem, ProblemHttpResult> Plan(
        InspectionPlanRequest request, WarningService service, SqliteInspectionPlanLog plans, IConfiguration configuration,
        TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HttpContext http)
    {
        http.Items[AuditRecorder.SubjectKey] = $"plan:{request.Period}:{request.Region}";
        if (request.Period is null || !DateOnly.TryParseExact(request.Period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return ApiProblems.InvalidField("period", "period must be a month as yyyy-MM.");
        if (ListPublication.ValidateRegion(request.Region) is { } badRegion) return ApiProblems.InvalidField("region", badRegion);
        if (request.Seed is not { } seed) return ApiProblems.InvalidField("seed", "Give the random seed (an integer) so the draw can be reproduced.");
        var pool = request.Inspectors ?? configuration.GetSection("RiskGraph:Inspectors").Get<string[]>() ?? [];
        if (pool.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct().Count() < SpotCheckPlanner.InspectorsPerEnterprise)
            return ApiProblems.InvalidField("inspectors", $"Give a pool of at least {SpotCheckPlanner.InspectorsPerEnterprise} inspectors (or configure RiskGraph:Inspectors).");
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");

        string period = month.ToString("yyyy-MM");
        // One plan at a time, so two plans of one period cannot both miss each other's inspector assignments.
        lock (PlanLock)
        {
            if (plans.Find(period, request.Region, seed) is { } stored)
            {
                var earlier = JsonSerializer.Deserialize<InspectionPlanResponse>(stored, json.Value.SerializerOptions)!;
                http.Items[AuditRecorder.ReturnedKey] = $"plan {earlier.PlanId} reused, {earlier.Draw.Count} enterprises";
                return TypedResults.Ok(earlier with { Reused = true });
            }
            var probability = service.Current is { } scored && ReferenceEquals(scored.Snapshot, snapshot) ? scored.Probability.ToArray() : null;
            var plan = SpotCheckPlanner.Draw(snapshot, probability, "PL-" + Guid.NewGuid().ToString("N"), month, request.Region, seed,
                pool.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToArray(), plans.AssignedIn(period));
            var response = ToResponse(plan, snapshot);
            plans.Save(plan, JsonSerializer.Serialize(response, json.Value.SerializerOptions), http.Request.Headers["X-Requester"].ToString() is { Length: > 0 } who ? who : "anonymous",
                clock.GetUtcNow());
            http.Items[AuditRecorder.ReturnedKey] = $"plan {plan.PlanId}, {plan.Draw.Count} enterprises drawn";
            return TypedResults.Ok(response);
        }
    }

    private static InspectionPlanResponse ToResponse(SpotCheckPlan plan, GraphSnapshot snapshot) => new(
        plan.PlanId, plan.Period, plan.Region, plan.Seed, plan.AsOf, false,
        plan.Tiers.Select(t => new TierDrawResponse(t.Tier.Name(), t.Ratio, t.PerYear, t.Due, t.Population, t.Drawn)).ToArray(),
        plan.Draw.Select(d => new PlannedInspectionResponse(d.Uscc, snapshot.Enterprises.Names[snapshot.Ids.IdOf(d.Uscc)], d.Tier.Name(),
            d.Class.Name(), d.WarningLevel, d.KeyInspection, d.Inspectors)).ToArray());
}
