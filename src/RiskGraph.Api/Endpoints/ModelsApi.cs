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
        app.MapGet("/api/models", ListModels).WithName("ListModels").WithTags("Models")
            .WithSummary("Registered model versions with their test metrics; the active one is flagged.");
        app.MapPost("/api/models/{version}/activate", ActivateAsync).WithName("ActivateModel").WithTags("Models")
            .AddEndpointFilter<AdminKeyFilter>()
            .WithSummary("Serve this model version from now on (admin: X-Api-Key); refused when its feature schema does not match.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static Ok<ModelVersionResponse[]> ListModels(RiskGraphHome home)
    {
        var registry = new ModelRegistry(home);
        string? active = registry.ActiveVersion();
        return TypedResults.Ok(registry.Versions().Reverse().Select(version =>
        {
            var manifest = registry.ReadManifest(version);
            var report = registry.ReadReport(version);
            var schema = FeatureSchema.Load(Path.Combine(registry.FolderOf(version), FeatureSchema.FileName));
            return new ModelVersionResponse(version, manifest.CreatedUtc, version == active, manifest.FeatureSchemaVersion,
                schema.SameLayoutAs(FeatureSchema.Current), manifest.DataFingerprint, report.WithGraphFeatures, report.AttributesOnly);
        }).ToArray());
    }

    /// <param name="version">A registered version, e.g. v002.</param>
    private static async Task<Results<Ok<ModelVersionResponse>, ProblemHttpResult>> ActivateAsync(
        string version, WarningService service, RiskGraphHome home, CancellationToken cancellationToken)
    {
        if (!new ModelRegistry(home).Versions().Contains(version))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown model version", detail: $"No model version {version}.");
        try
        {
            await service.ActivateAsync(version, cancellationToken);
        }
        catch (ModelIncompatibleException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Incompatible feature schema", detail: e.Message);
        }
        return TypedResults.Ok(ListModels(home).Value!.Single(m => m.Version == version));
    }
}
