using System.Text.Json.Serialization;

namespace RiskGraph.Api.Contracts;

/// <summary>The service's health.</summary>
/// <param name="Status">healthy, degraded (serving continues, e.g. from the last snapshot) or unhealthy.</param>
/// <param name="Checks">Per check (store, model), only for a caller with a key; absent otherwise.</param>
public sealed record HealthResponse(
    string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, HealthCheckResponse>? Checks);

/// <param name="Status">healthy, degraded or unhealthy.</param>
/// <param name="Description">Why, in words (e.g. the store's error, or that no model is trained yet).</param>
/// <param name="Data">Figures of the check, e.g. data_sequence and model_version.</param>
public sealed record HealthCheckResponse(string Status, string? Description, IReadOnlyDictionary<string, object> Data);
