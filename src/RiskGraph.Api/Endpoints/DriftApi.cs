using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model;
using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Endpoints;

/// <summary>Drift of a registered model: how far the served snapshot has moved from the rows it was trained on.</summary>
public static class DriftApi
{
    public static IEndpointRouteBuilder MapDriftApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models/{version}/drift", Drift).WithName("ModelDrift").WithTags("Models")
            .WithSummary("Population stability index of every feature and of the score, training rows against the served snapshot.")
            .WithDescription("PSI over the training rows' deciles; above 0.2 a feature (or the score) is flagged. The score is the "
                + "model's calibrated probability, on the served snapshot scored by that version.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="version">A registered version, e.g. v002.</param>
    private static Results<Ok<DriftResponse>, ProblemHttpResult> Drift(string version, WarningService service, RiskGraphHome home)
    {
        var registry = new ModelRegistry(home);
        if (!registry.Versions().Contains(version))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown model version", detail: $"No model version {ApiProblems.Echo(version)}.");
        if (service.Current is not { } scored)
            return ApiProblems.Unavailable(service.Problem ?? "No snapshot is served yet.");
        string folder = registry.FolderOf(version);
        if (DriftReference.Load(folder) is not { } reference)
            return Conflict($"Model {version} was saved without its training distribution ({DriftReference.FileName}): retrain to track drift.");
        var schema = FeatureSchema.Load(Path.Combine(folder, FeatureSchema.FileName));
        if (!schema.SameLayoutAs(scored.Features.Schema) || reference.Features.Count != scored.Features.Columns)
            return Conflict($"Model {version} was trained on feature schema {schema.Version}; the snapshot has {scored.Features.Schema.Version}.");
        float[] scores = version == scored.ModelVersion
            ? scored.Probability.ToArray()
            : WarningModel.Load(folder).Score(scored.Features, ModelDataViews.AllRows(scored.Features)).Probability;
        return TypedResults.Ok(DriftReport.Compare(reference, scored.Features, scores).ToResponse(version, scored.Snapshot.AsOf));
    }

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No drift for this model", detail: detail);
}
