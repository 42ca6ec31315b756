using RiskGraph.Api.Contracts;
using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Reports;

/// <summary>
/// Puts the credit report together from what the library computes (credit file in the reader's view, checks,
/// warning, controllers); the JSON and the PDF are two renderings of the same <see cref="CreditReportResponse"/>.
/// </summary>
internal static class CreditReportAssembler
{
    public const string Title = "专用信用报告 (Dedicated credit report)";

    public static CreditReportResponse Build(
        GraphSnapshot snapshot, ScoredGraph? scored, int enterprise, Enterprise? registered, CreditFileView view, DateTimeOffset now)
    {
        var file = CreditFile.Build(snapshot.Ledger, enterprise, view);
        var a = snapshot.Enterprises;
        var identity = new ReportIdentity(
            snapshot.Ids.KeyOf(enterprise), registered?.RegistrationNo, a.Names[enterprise], a.IndustryCodes[a.Industry[enterprise]],
            a.RegionCodes[a.Region[enterprise]], registered?.Founded, a.RegisteredCapital[enterprise], snapshot.Ledger.EnterpriseStatusOf(enterprise).Name());
        var checks = CheckPolicy.Purposes.Select(purpose =>
        {
            var outcome = CheckPolicy.Check(snapshot.Ledger, snapshot.Classes, enterprise, purpose);
            return new ReportCheck(purpose, outcome.Restrictions.Select(m => m.ToMeasureResponse()).ToArray(),
                outcome.Incentives.Select(m => m.ToMeasureResponse()).ToArray(), outcome.CommitmentEligibility.Eligible);
        }).ToArray();
        var warning = scored is not null && ReferenceEquals(scored.Snapshot, snapshot) ? scored.WarningFor(enterprise).ToWarningResponse(snapshot, enterprise) : null;
        var ownership = new UltimateController(snapshot, new UltimateControllerParameters()).ForEnterprise(enterprise);
        var controllers = ownership.Controllers.Select(h => Controller(snapshot, h, "controller"))
            .Concat(ownership.BeneficialOwners.Where(h => !ownership.Controllers.Contains(h)).Select(h => Controller(snapshot, h, "beneficial_owner")))
            .ToArray();
        return new CreditReportResponse(
            Title, snapshot.AsOf, now, view == CreditFileView.CreditOfficer ? "credit_officer" : "public", identity,
            file.Classification.ToCreditClassResponse(), Statement(file, snapshot.AsOf),
            file.Penalties.Select(p => p.ToPenaltyResponse()).ToArray(), file.ListEntries.Select(l => l.ToListEntryResponse()).ToArray(),
            file.Repairs.Select(r => r.ToRepairResponse()).ToArray(), file.Objections.Select(o => o.Objection.ToObjectionResponse(o.Outcome)).ToArray(),
            file.Commitments.Select(c => c.ToCommitmentResponse()).ToArray(), checks, warning, controllers);
    }

    // The statement a "no illegal record" certificate used to make, now with what the records in force say.
    private static string Statement(CreditFile file, DateOnly asOf)
    {
        int penalties = file.Penalties.Count;
        int negativeLists = file.ListEntries.Count(l => l.Entry.ListType != ListType.RedList);
        if (penalties == 0 && negativeLists == 0)
            return $"截至 {asOf:yyyy-MM-dd},在公示期内无行政处罚记录,未被列入经营异常名录、严重违法失信名单或失信被执行人名单。";
        return $"截至 {asOf:yyyy-MM-dd},在公示期内有行政处罚记录 {penalties} 条、失信类名单记录 {negativeLists} 条,详见下文。";
    }

    private static ReportController Controller(GraphSnapshot snapshot, UltimateHolder h, string role) =>
        new(h.IsPerson ? "person" : "enterprise", snapshot.LabelOf(h.Node), Math.Round(h.IntegratedShare, 6), role);
}
