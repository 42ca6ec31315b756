using RiskGraph.Model.Credit;

namespace RiskGraph.Api.Contracts;

/// <param name="Purpose">What the applicant applies for: procurement, bidding, subsidy, approval, honours, financing or qualification.</param>
public sealed record CheckRequest(string? Uscc, string? Purpose);

public sealed record MeasureResponse(string Code, string Description, string Basis);

public sealed record CommitmentEligibilityResponse(bool Eligible, string Reason, IReadOnlyList<string> RecordIds);

public sealed record CheckWarningResponse(double Score, string Level, string ModelVersion);

/// <summary>Everything an approving system needs about an applicant, in one call.</summary>
/// <param name="Supervision">routine_random_inspection for good entities, key_inspection otherwise.</param>
/// <param name="OfficersOnLists">Its legal representative and executives who are on lists of persons.</param>
public sealed record CheckResponse(
    string Uscc, string Name, string Purpose, CreditClassResponse CreditClass, IReadOnlyList<ListEntryResponse> Lists,
    IReadOnlyList<MeasureResponse> Restrictions, IReadOnlyList<MeasureResponse> Incentives,
    CommitmentEligibilityResponse CommitmentEligibility, string Supervision, CheckWarningResponse? Warning, DateOnly AsOf,
    IReadOnlyList<ListedOfficerResponse>? OfficersOnLists = null);

public static class CheckContracts
{
    public static MeasureResponse ToMeasureResponse(this Measure m) => new(m.Code, m.Description, m.Basis);
}
