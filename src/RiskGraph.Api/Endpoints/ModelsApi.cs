using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model;
using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Endpoints;

/// <summary>The model registry: list versions with their metrics, and switch the served model without a restart.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models", ListModels).WithName("ListModels")
            .WithDescription("Every registered model version, newest first, with its creation time, feature schema, whether it can be served with the current schema, and the test metrics of the full and attributes-only models.").WithTags("Models")
            .WithSummary("Registered model versions with their test metrics; the active one is flagged.").ProducesValidationProblem();
        return app;
    }

    /// <summary>Switching the served model: administrators only, registered in the audit log with the versions before and after.</summary>
    public static IEndpointRouteBuilder MapModelAdministrationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/models/{version}/activate", ActivateAsync).WithName("ActivateModel")
            .WithDescription("Switches the served model to this version without a restart and registers the switch in the audit log. Refused with 409 when the version's feature schema differs from the current one.").WithTags("Models").Audited()
            .WithSummary("Serve this model version from now on (admin); refused when its feature schema does not match.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">1 to 100 (default 100).</param>
    private static Results<Ok<ModelsResponse>, ValidationProblem> ListModels(
        RiskGraphHome home, int page = 1, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int pageSize = 100)
    {
        if (ApiPaging.Check(page, pageSize, 100) is { } invalid) return invalid;
        var all = AllModels(home);
        return TypedResults.Ok(new ModelsResponse(page, pageSize, all.Length, ApiPaging.Slice(all, page, pageSize)));
    }

    private static ModelVersionResponse[] AllModels(RiskGraphHome home)
    {
        var registry = new ModelRegistry(home);
        string? active = registry.ActiveVersion();
        return registry.Versions().Reverse().Select(version =>
        {
            var manifest = registry.ReadManifest(version);
            var report = registry.ReadReport(version);
            var schema = FeatureSchema.Load(Path.Combine(registry.FolderOf(version), FeatureSchema.FileName));
            return new ModelVersionResponse(version, manifest.CreatedUtc, version == active, manifest.FeatureSchemaVersion,
                schema.SameLayoutAs(FeatureSchema.Current), manifest.DataFingerprint, report.WithGraphFeatures, report.AttributesOnly);
        }).ToArray();
    }

    /// <param name="version">A registered version, e.g. v002.</param>
    private static async Task<Results<Ok<ModelVersionResponse>, ProblemHttpResult>> ActivateAsync(
        string version, WarningService service, RiskGraphHome home, HttpContext http, CancellationToken cancellationToken)
    {
        http.Items[AuditRecorder.SubjectKey] = "model:" + version;
        http.Items[AuditRecorder.BeforeKey] = "active " + (service.Current?.ModelVersion ?? "none");
        if (!new ModelRegistry(home).Versions().Contains(version))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown model version", detail: $"No model version {ApiProblems.Echo(version)}.");
        try
        {
            await service.ActivateAsync(version, cancellationToken);
        }
        catch (ModelIncompatibleException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Incompatible feature schema", detail: e.Message);
        }
        http.Items[AuditRecorder.AfterKey] = "active " + version;
        return TypedResults.Ok(AllModels(home).Single(m => m.Version == version));
    }
}
