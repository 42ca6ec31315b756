using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Contracts;

/// <summary>Population stability of a model's inputs and score between its training rows and the served snapshot.</summary>
/// <param name="Threshold">PSI above which a feature or the score is flagged (0.2).</param>
/// <param name="Score">PSI of the calibrated score.</param>
/// <param name="Features">Every feature, largest PSI first.</param>
/// <param name="Flagged">Names of the flagged features, largest PSI first.</param>
public sealed record DriftResponse(
    string ModelVersion, DateOnly AsOf, int ReferenceRows, int CurrentRows, double Threshold,
    FeatureDriftResponse Score, IReadOnlyList<FeatureDriftResponse> Features, IReadOnlyList<string> Flagged);

/// <param name="Psi">Σ (current share − training share) · ln(current / training) over the training deciles.</param>
public sealed record FeatureDriftResponse(string Feature, double Psi, bool Flagged);

public static class DriftContracts
{
    public static DriftResponse ToResponse(this DriftReport report, string version, DateOnly asOf)
    {
        var features = report.Features.OrderByDescending(f => f.Psi).ThenBy(f => f.Feature, StringComparer.Ordinal)
            .Select(f => new FeatureDriftResponse(f.Feature, f.Psi, f.Flagged)).ToArray();
        return new DriftResponse(version, asOf, report.ReferenceRows, report.CurrentRows, DriftReport.Threshold,
            new FeatureDriftResponse(report.Score.Feature, report.Score.Psi, report.Score.Flagged), features,
            features.Where(f => f.Flagged).Select(f => f.Feature).ToArray());
    }
}
