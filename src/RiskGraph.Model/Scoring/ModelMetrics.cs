using System.Text.Json.Serialization;

namespace RiskGraph.Model.Scoring;

/// <summary>Test-set quality of one model.</summary>
public sealed record ModelMetrics(
    [property: JsonPropertyName("auc")] double Auc,
    [property: JsonPropertyName("auprc")] double Auprc,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("precision_at_top_1pct")] double PrecisionAtTop1Percent,
    [property: JsonPropertyName("test_rows")] int TestRows,
    [property: JsonPropertyName("test_positives")] int TestPositives)
{
    /// <summary>Mean squared error of the calibrated probability (lower is better).</summary>
    [JsonPropertyName("brier")]
    public double Brier { get; init; }

    [JsonPropertyName("reliability")]
    public IReadOnlyList<ReliabilityBin> Reliability { get; init; } = [];
}

/// <summary>One bin of a reliability curve: the probabilities predicted in [From, To) against what happened.</summary>
public sealed record ReliabilityBin(
    [property: JsonPropertyName("from")] double From,
    [property: JsonPropertyName("to")] double To,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("mean_predicted")] double MeanPredicted,
    [property: JsonPropertyName("observed_rate")] double ObservedRate);

/// <summary>What the train verb writes to metrics.json: the served model and the attributes-only baseline on the same split.</summary>
public sealed record TrainingReport(
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("training_rows")] int TrainingRows,
    [property: JsonPropertyName("with_graph_features")] ModelMetrics WithGraphFeatures,
    [property: JsonPropertyName("attributes_only")] ModelMetrics AttributesOnly,
    [property: JsonPropertyName("data_fingerprint")] string DataFingerprint);
