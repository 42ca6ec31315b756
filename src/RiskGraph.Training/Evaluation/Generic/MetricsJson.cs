using System.Text;
using System.Text.Json;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// The cross-validation result as one JSON object with snake_case keys. AUC and AUPRC are reported as
/// <c>*_mean</c>/<c>*_sd</c>; Brier and precision at the top 1 % / 5 % as the fold mean under the plain key with a
/// <c>*_sd</c> next to it. Nothing time- or machine-dependent is written, so the same input and seed give the same bytes.
/// An undefined number (NaN) is written as null.
/// </summary>
public static class MetricsJson
{
    public static string Serialize(CrossValidationResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("fold_count", result.Options.Folds);
            json.WriteNumber("seed", result.Options.Seed);
            json.WriteNumber("trees", result.Options.Trees);
            WriteData(json, result.Data);
            json.WritePropertyName("full");
            WriteModel(json, result.Full);
            json.WritePropertyName("attributes_only");
            WriteModel(json, result.AttributesOnly);
            json.WriteNumber("budget", result.Options.Budget);
            json.WriteString("trainer", result.Options.Trainer);
            if (result.Baseline is { } baseline)
            {
                json.WritePropertyName("baseline");
                WriteModel(json, baseline);
            }
            json.WriteStartArray("chosen_settings");
            foreach (string setting in result.ChosenSettings) json.WriteStringValue(setting);
            json.WriteEndArray();
            WritePairedDifference(json, result);
            json.WriteStartArray("feature_importance");
            foreach (var feature in result.Importance)
            {
                json.WriteStartObject();
                json.WriteString("feature", feature.Feature);
                Number(json, "weight", feature.Weight);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void Write(CrossValidationResult result, string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(path, Serialize(result), new UTF8Encoding(false));
    }

    private static void WriteData(Utf8JsonWriter json, DatasetSummary data)
    {
        json.WriteBoolean("directed", data.Directed);
        json.WriteNumber("nodes", data.Nodes);
        json.WriteNumber("labelled", data.Labelled);
        json.WriteNumber("positives", data.Positives);
        json.WriteNumber("edges", data.Edges);
        json.WriteNumber("duplicate_edges_merged", data.DuplicatesMerged);
        json.WriteNumber("self_loops_dropped", data.SelfLoopsDropped);
        json.WriteStartArray("relation_types");
        foreach (string type in data.RelationTypes) json.WriteStringValue(type);
        json.WriteEndArray();
    }

    private static void WriteModel(Utf8JsonWriter json, ModelSummary model)
    {
        json.WriteStartObject();
        json.WriteNumber("feature_count", model.FeatureCount);
        foreach (var metric in MetricDefinition.All)
        {
            var (mean, sd) = model.MeanSd(metric);
            bool ranking = metric.Key is "auc" or "auprc";
            Number(json, ranking ? metric.Key + "_mean" : metric.Key, mean);
            Number(json, metric.Key + "_sd", sd);
        }
        json.WritePropertyName("pooled");
        WriteFold(json, model.Pooled, withFold: false);
        json.WriteStartArray("folds");
        foreach (var fold in model.Folds) WriteFold(json, fold, withFold: true);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFold(Utf8JsonWriter json, FoldMetrics fold, bool withFold)
    {
        json.WriteStartObject();
        if (withFold) json.WriteNumber("fold", fold.Fold);
        json.WriteNumber("rows", fold.TestRows);
        json.WriteNumber("positives", fold.TestPositives);
        foreach (var metric in MetricDefinition.All) Number(json, metric.Key, metric.Read(fold));
        json.WriteEndObject();
    }

    private static void WritePairedDifference(Utf8JsonWriter json, CrossValidationResult result)
    {
        json.WriteStartObject("paired_difference");
        foreach (var metric in MetricDefinition.All)
        {
            double[] differences = result.PairedDifference(metric);
            var (mean, sd) = Statistics.MeanSd(differences);
            json.WriteStartObject(metric.Key);
            Number(json, "mean", mean);
            Number(json, "sd", sd);
            json.WriteStartArray("per_fold");
            foreach (double d in differences) NumberValue(json, d);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        NumberValue(json, value);
    }

    private static void NumberValue(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value)) json.WriteNumberValue(value);
        else json.WriteNullValue();
    }
}
