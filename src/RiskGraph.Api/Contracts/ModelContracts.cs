using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Contracts;

/// <summary>One registered model version.</summary>
/// <param name="Compatible">Whether its feature schema matches what this service computes (only such models can be activated).</param>
public sealed record ModelVersionResponse(
    string Version, DateTimeOffset CreatedUtc, bool Active, string FeatureSchemaVersion, bool Compatible, string DataFingerprint,
    ModelMetrics WithGraphFeatures, ModelMetrics AttributesOnly);

/// <summary>Registered model versions, newest first, one page.</summary>
public sealed record ModelsResponse(int Page, int PageSize, int Total, IReadOnlyList<ModelVersionResponse> Items);
