using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// Platt scaling of the raw tree score, p = 1 / (1 + exp(slope * raw + offset)), fitted by ML.NET's Platt
/// calibrator on held-out rows the trees never saw. FastTree's built-in calibrator is fitted on the training rows,
/// where boosted trees are over-confident; served scores use this one instead.
/// </summary>
public sealed record ScoreCalibration(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("slope")] double Slope,
    [property: JsonPropertyName("offset")] double Offset,
    [property: JsonPropertyName("fitted_on_rows")] int FittedOnRows)
{
    public const string FileName = "calibration.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public double Probability(double raw) => 1 / (1 + Math.Exp(Slope * raw + Offset));

    public void Save(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>The calibration saved in a model folder, or null for models saved without one.</summary>
    public static ScoreCalibration? Load(string folder)
    {
        string path = Path.Combine(folder, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<ScoreCalibration>(File.ReadAllText(path), Json) : null;
    }
}
