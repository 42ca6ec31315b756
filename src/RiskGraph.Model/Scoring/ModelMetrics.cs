using System.Text.Json.Serialization;

namespace RiskGraph.Model.Scoring;

/// <summary>Test-set quality of one model.</summary>
public sealed record ModelMetrics(
    [property: JsonPropertyName("auc")] double Auc,
    [property: JsonPropertyName("auprc")] double Auprc,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("precision_at_top_1pct")] double PrecisionAtTop1Percent,
    [property: JsonPropertyName("test_rows")] int TestRows,
    [property: JsonPropertyName("test_positives")] int TestPositives);

/// <summary>What the train verb writes to metrics.json: the served model and the attributes-only baseline on the same split.</summary>
public sealed record TrainingReport(
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("training_rows")] int TrainingRows,
    [property: JsonPropertyName("with_graph_features")] ModelMetrics WithGraphFeatures,
    [property: JsonPropertyName("attributes_only")] ModelMetrics AttributesOnly,
    [property: JsonPropertyName("data_fingerprint")] string DataFingerprint);
