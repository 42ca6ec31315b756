using System.Text.Json.Serialization;

namespace RiskGraph.Model.Scoring;

/// <summary>model.json in a model version folder: what the model is and how it was made.</summary>
public sealed record ModelManifest(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("created_utc")] DateTimeOffset CreatedUtc,
    [property: JsonPropertyName("trainer")] string Trainer,
    [property: JsonPropertyName("feature_schema_version")] string FeatureSchemaVersion,
    [property: JsonPropertyName("data_fingerprint")] string DataFingerprint,
    [property: JsonPropertyName("snapshot_as_of")] DateOnly SnapshotAsOf);
