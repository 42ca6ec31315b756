using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Contracts;

/// <summary>An early warning for one enterprise.</summary>
/// <param name="Score">Calibrated probability, in [0, 1], of entering the serious-dishonesty list or defaulting within 12 months.</param>
/// <param name="Level">low (&lt; 0.10), medium (&lt; 0.30), high (&lt; 0.60) or critical.</param>
/// <param name="Reasons">The features that raised the risk most (largest first), then those that lowered it most.</param>
/// <param name="RawScore">The score's log-odds, ln(score / (1 − score)); bias plus every feature's contribution equals it.</param>
/// <param name="Bias">The log-odds of an average enterprise, where the contributions start from.</param>
/// <param name="CreditClass">The rule-based four-class credit class, which holds exactly; the score is a clue for analysts.</param>
/// <param name="Group">Its conglomerate (系族) by top controller, null when in none; no person is named here.</param>
public sealed record WarningResponse(
    string Uscc, string Name, string Industry, string Region, double Score, string Level,
    IReadOnlyList<ReasonResponse> Reasons, string ModelVersion, DateOnly AsOf, double RawScore, double Bias, CreditClassResponse CreditClass,
    GroupSummaryResponse? Group = null);

/// <param name="Feature">Feature name from the model's feature schema.</param>
/// <param name="Value">The enterprise's value of that feature.</param>
/// <param name="Contribution">Its exact Shapley value on the log-odds scale: how far it moved the score from the bias.</param>
/// <param name="Direction"><c>raises</c> (positive contribution) or <c>lowers</c> (negative).</param>
public sealed record ReasonResponse(string Feature, string Description, double Value, double Contribution, string Direction);

/// <param name="Usccs">Unified social credit codes, at most 1,000.</param>
public sealed record BatchWarningRequest(IReadOnlyList<string>? Usccs);

/// <param name="NotFound">Well-formed codes of enterprises the snapshot does not hold.</param>
public sealed record BatchWarningResponse(IReadOnlyList<WarningResponse> Warnings, IReadOnlyList<string> NotFound);

public static class WarningContracts
{
    /// <summary>Largest batch accepted by POST /api/warnings/batch.</summary>
    public const int MaxBatchSize = 1000;

    public static WarningResponse ToWarningResponse(this Warning warning, GraphSnapshot snapshot, int enterprise, GroupSummaryResponse? group = null)
    {
        var attributes = snapshot.Enterprises;
        return new WarningResponse(
            warning.Uscc, attributes.Names[enterprise], attributes.IndustryCodes[attributes.Industry[enterprise]],
            attributes.RegionCodes[attributes.Region[enterprise]], Math.Round(warning.Score, 6), warning.Level,
            warning.Reasons.Select(r => new ReasonResponse(r.Feature, r.Description, r.Value, r.Contribution, r.Direction)).ToArray(),
            warning.ModelVersion, warning.AsOf, Math.Round(warning.RawScore, 6), Math.Round(warning.Bias, 6),
            CreditClassifier.Classify(snapshot.Ledger, enterprise).ToCreditClassResponse(), group);
    }
}
