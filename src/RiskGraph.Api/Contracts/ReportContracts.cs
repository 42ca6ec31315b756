namespace RiskGraph.Api.Contracts;

/// <summary>Who the report is about, as registered.</summary>
public sealed record ReportIdentity(
    string Uscc, string? RegistrationNo, string Name, string Industry, string Region, DateOnly? Founded, double RegisteredCapital, string Status);

/// <summary>The outcome of the credit check for one purpose, as an approving office would get it.</summary>
public sealed record ReportCheck(string Purpose, IReadOnlyList<MeasureResponse> Restrictions, IReadOnlyList<MeasureResponse> Incentives, bool CommitmentEligible);

/// <summary>An ultimate controller or beneficial owner (equity penetration); persons by display name only.</summary>
public sealed record ReportController(string Kind, string Label, double Share, string Role);

/// <summary>
/// The dedicated credit report (专用信用报告) that seed 003 says replaces the certificate of no illegal record
/// (「以專用信用報告替代有無違法記錄證明」): the statement sums up the records in force on <paramref name="AsOf"/>.
/// </summary>
/// <param name="View">public or credit_officer: repaired records' details and corrected originals only in the latter.</param>
/// <param name="Warning">The early warning with its reasons, when a model is loaded: a clue for analysts, not a determination.</param>
public sealed record CreditReportResponse(
    string Title, DateOnly AsOf, DateTimeOffset GeneratedAt, string View, ReportIdentity Identity, CreditClassResponse CreditClass,
    string Statement, IReadOnlyList<PenaltyResponse> Penalties, IReadOnlyList<ListEntryResponse> ListEntries,
    IReadOnlyList<RepairResponse> Repairs, IReadOnlyList<ObjectionResponse> Objections, IReadOnlyList<CommitmentResponse> Commitments,
    IReadOnlyList<ReportCheck> Checks, WarningResponse? Warning, IReadOnlyList<ReportController> Controllers);
