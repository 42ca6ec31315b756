namespace RiskGraph.Model.Domain;

/// <summary>
/// The result of a supervisory inspection (监督检查, R6), e.g. a "double random" joint inspection, written back to
/// the credit file (R220). It is a performance record (业绩情况): it counts for the class like a penalty does, for the
/// publication period of penalties.
/// </summary>
/// <param name="Inspectors">The inspecting officers, comma-separated (names or staff numbers, never ID numbers).</param>
/// <param name="PlanId">The spot-check plan that drew the enterprise, or null for an inspection outside a plan.</param>
public sealed record Inspection(
    string InspectionId, string Uscc, DateOnly InspectedOn, InspectionOutcome Outcome, string Department, string Inspectors,
    string? Note = null, string? PlanId = null);

/// <summary>The four outcomes seed 001 names, and the class each leads to.</summary>
public enum InspectionOutcome
{
    /// <summary>检查未发现问题: class unchanged.</summary>
    NoProblem,

    /// <summary>仅教育整改 (or serious non-cooperation): a negative performance record, class warning.</summary>
    EducationOnly,

    /// <summary>无法取得联系: listed as abnormal, class dishonest.</summary>
    Unreachable,

    /// <summary>需进一步立案调查: warning at once, then dishonest or seriously dishonest once the penalty is decided.</summary>
    CaseOpened,
}
