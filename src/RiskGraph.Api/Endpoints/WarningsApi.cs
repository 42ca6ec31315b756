using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Security;
using RiskGraph.Api.Services;
using RiskGraph.Model.Audit;
using RiskGraph.Model.Graph;

namespace RiskGraph.Api.Endpoints;

/// <summary>Early-warning scores with their reasons, one at a time or in batches.</summary>
public static class WarningsApi
{
    public static IEndpointRouteBuilder MapWarningsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enterprises/{uscc}/warning", GetWarning)
            .WithName("GetWarning")
            .WithDescription("The calibrated probability of entering the serious-dishonesty list or defaulting within 12 months, its level (low, medium, high, critical), the features that raised it most with their exact additive contributions (bias + contributions = raw_score), and the rule-based credit class.").WithTags("Warnings").Audited()
            .WithSummary("Warning score, level and top reasons for one enterprise.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/warnings/batch", GetWarnings)
            .WithName("GetWarningsBatch")
            .WithDescription("Warnings for up to 1,000 USCCs in one call, in request order without duplicates; well-formed codes the snapshot does not hold (or outside the key's region scope) are listed in not_found.").WithTags("Warnings").Audited()
            .WithSummary($"Warnings for up to {WarningContracts.MaxBatchSize} enterprises in one call.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="uscc">The enterprise's 18-character unified social credit code (upper case).</param>
    private static Results<WarningJsonResult, ValidationProblem, ProblemHttpResult> GetWarning(
        string uscc, WarningService service, IOptions<JsonOptions> json, ApiMetrics metrics, HttpContext http)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (ApiProblems.CheckUscc(uscc) is { } invalid) return invalid;
        if (service.Current is not { } scored) return ApiProblems.Unavailable(service.Problem ?? "No model is loaded.");
        int id = scored.Snapshot.Ids.IdOf(uscc);
        if (id == IdMap.NotFound || !scored.Snapshot.Ids.IsEnterprise(id)) return ApiProblems.UnknownEnterprise(uscc);
        var warning = WarningResponseCache.For(scored, id, json.Value.SerializerOptions);
        http.Items[AuditRecorder.ReturnedKey] = warning.Summary;
        metrics.WarningServed(warning.Response.Level);
        metrics.ScoringTook("warning", started);
        return new WarningJsonResult(warning);
    }

    private static Results<BatchWarningJsonResult, ValidationProblem, ProblemHttpResult> GetWarnings(
        BatchWarningRequest request, WarningService service, IOptions<JsonOptions> json, ApiMetrics metrics, HttpContext http)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Every enterprise asked for is registered: the batch's subject lists them all (bounded by the batch size).
        http.Items[AuditRecorder.SubjectKey] = request.Usccs is null ? "" : AuditEntry.BatchPrefix + string.Join(",", request.Usccs.Take(WarningContracts.MaxBatchSize));
        if (request.Usccs is not { Count: > 0 } usccs) return ApiProblems.InvalidField("usccs", "Give at least one USCC.");
        if (usccs.Count > WarningContracts.MaxBatchSize)
            return ApiProblems.InvalidField("usccs", $"At most {WarningContracts.MaxBatchSize} USCCs per batch; got {usccs.Count}.");
        for (int i = 0; i < usccs.Count; i++)
        {
            if (ApiProblems.CheckUscc(usccs[i], "usccs", i) is { } invalid) return invalid;
        }
        if (service.Current is not { } scored) return ApiProblems.Unavailable(service.Problem ?? "No model is loaded.");

        var warnings = new List<CachedWarning>();
        var notFound = new List<string>();
        foreach (string uscc in usccs.Distinct(StringComparer.Ordinal))
        {
            int id = scored.Snapshot.Ids.IdOf(uscc);
            // Outside the caller's region scope an enterprise is reported exactly like an unknown one.
            if (id == IdMap.NotFound || !scored.Snapshot.Ids.IsEnterprise(id) || !RegionScopeFilter.IsVisible(service, http, uscc)) notFound.Add(uscc);
            else warnings.Add(WarningResponseCache.For(scored, id, json.Value.SerializerOptions));
        }
        http.Items[AuditRecorder.ReturnedKey] = $"{warnings.Count} warnings, {notFound.Count} not found";
        metrics.WarningsServed(warnings);
        metrics.ScoringTook("batch", started);
        return new BatchWarningJsonResult(warnings, notFound, json.Value.SerializerOptions);
    }
}
