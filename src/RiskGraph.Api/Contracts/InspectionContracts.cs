using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Supervision;

namespace RiskGraph.Api.Contracts;

/// <param name="Outcome">no_problem, education_only, unreachable or case_opened.</param>
/// <param name="Inspectors">The inspecting officers (names or staff numbers), at least one.</param>
public sealed record InspectionRequest(
    string? Uscc, DateOnly? InspectedOn, string? Outcome, string? Department, IReadOnlyList<string>? Inspectors, string? Note, string? PlanId);

public sealed record InspectionResponse(
    string InspectionId, string Uscc, DateOnly InspectedOn, string Outcome, string Department, IReadOnlyList<string> Inspectors, string? Note,
    string? PlanId, CreditClassResponse CreditClass);

/// <param name="Period">The month planned, yyyy-MM.</param>
/// <param name="Region">Region code or 2-/4-digit prefix; all regions when absent.</param>
/// <param name="Seed">The random seed: the same seed, period and region give the same plan.</param>
/// <param name="Inspectors">The inspector pool; RiskGraph:Inspectors when absent.</param>
public sealed record InspectionPlanRequest(string? Period, string? Region, int? Seed, IReadOnlyList<string>? Inspectors);

public sealed record TierDrawResponse(string Tier, double Ratio, int PerYear, bool Due, int Population, int Drawn);

public sealed record PlannedInspectionResponse(
    string Uscc, string Name, string Tier, string CreditClass, string? WarningLevel, bool KeyInspection, IReadOnlyList<string> Inspectors);

public sealed record InspectionPlanResponse(
    string PlanId, string Period, string? Region, int Seed, DateOnly AsOf, bool Reused, IReadOnlyList<TierDrawResponse> Tiers,
    IReadOnlyList<PlannedInspectionResponse> Draw);

public static class InspectionContracts
{
    public static string Name(this RiskTier tier) => tier switch { RiskTier.Low => "low", RiskTier.Normal => "normal", _ => "high" };

    public static InspectionResponse ToInspectionResponse(this Inspection i, CreditClassification classification) => new(
        i.InspectionId, i.Uscc, i.InspectedOn, i.Outcome.Name(), i.Department,
        i.Inspectors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), i.Note, i.PlanId,
        classification.ToCreditClassResponse());
}
