using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Credit;

/// <summary>
/// Classes an enterprise from its published records by <see cref="CreditRules"/>. Pure and cheap, so it runs for
/// every enterprise when a snapshot is built and again whenever one enterprise is asked about.
/// </summary>
public static class CreditClassifier
{
    public static CreditClassification Classify(CreditLedger ledger, int enterprise)
    {
        var matches = new List<RuleMatch>();
        var nonWarning = new List<string>();
        var warnings = new List<string>();
        var stopOrRevoke = new List<string>();
        double fines = 0;
        foreach (var penalty in ledger.PenaltiesOf(enterprise))
        {
            if (!ledger.IsPublished(penalty)) continue;
            if (penalty.Kind == PenaltyKind.Warning)
            {
                warnings.Add(penalty.RecordId);
                continue;
            }
            nonWarning.Add(penalty.RecordId);
            if (penalty.Kind is PenaltyKind.Fine or PenaltyKind.Confiscation) fines += penalty.Amount;
            if (penalty.Kind is PenaltyKind.Suspension or PenaltyKind.LicenceRevoked) stopOrRevoke.Add(penalty.RecordId);
        }

        AddList(ledger, enterprise, ListType.SeriousViolation, CreditRules.SeriousViolationList, matches);
        AddList(ledger, enterprise, ListType.SeriousDishonesty, CreditRules.SeriousDishonestyList, matches);
        if (nonWarning.Count > CreditRules.MaxPenaltiesForDishonest) matches.Add(new RuleMatch(CreditRules.ManyPenalties, nonWarning));
        if (fines > CreditRules.MaxFinesForDishonest) matches.Add(new RuleMatch(CreditRules.LargeFines, nonWarning));
        if (stopOrRevoke.Count > 0) matches.Add(new RuleMatch(CreditRules.StopOrRevocation, stopOrRevoke));
        if (ledger.EnterpriseStatusOf(enterprise) == EnterpriseStatus.Revoked) matches.Add(new RuleMatch(CreditRules.LicenceRevokedStatus, []));
        AddList(ledger, enterprise, ListType.AbnormalOperation, CreditRules.AbnormalList, matches);
        AddInspections(ledger, enterprise, InspectionOutcome.Unreachable, CreditRules.InspectionUnreachable, matches);
        if (nonWarning.Count is > 0 and <= CreditRules.MaxPenaltiesForDishonest && fines <= CreditRules.MaxFinesForDishonest)
            matches.Add(new RuleMatch(CreditRules.FewPenalties, nonWarning));
        AddList(ledger, enterprise, ListType.DishonestJudgmentDebtor, CreditRules.DishonestDebtor, matches);
        if (warnings.Count > 0 && nonWarning.Count == 0) matches.Add(new RuleMatch(CreditRules.WarningsOnly, warnings));
        AddInspections(ledger, enterprise, InspectionOutcome.EducationOnly, CreditRules.InspectionEducationOnly, matches);
        AddInspections(ledger, enterprise, InspectionOutcome.CaseOpened, CreditRules.InspectionCaseOpened, matches);
        var breached = new List<string>();
        foreach (var commitment in ledger.CommitmentsOf(enterprise))
        {
            if (commitment.Fulfilment == Fulfilment.Breached) breached.Add(commitment.CommitmentId);
        }
        if (breached.Count > 0) matches.Add(new RuleMatch(CreditRules.BrokenCommitment, breached));
        if (matches.Count == 0) matches.Add(new RuleMatch(CreditRules.NoNegativeRecords, []));

        // Rules were added in order of severity within each class; a stable sort by class keeps that order.
        var ordered = matches.OrderByDescending(m => m.Rule.Class).ToList();
        return new CreditClassification(ordered[0].Rule.Class, ordered);
    }

    public static CreditClass[] ClassifyAll(CreditLedger ledger, int enterpriseCount)
    {
        var classes = new CreditClass[enterpriseCount];
        for (int e = 0; e < enterpriseCount; e++) classes[e] = Classify(ledger, e).Class;
        return classes;
    }

    // "No problem found" adds no rule: seed 001 says 信用风险分类不调整, the class stays what the other records make it.
    private static void AddInspections(CreditLedger ledger, int enterprise, InspectionOutcome outcome, CreditRule rule, List<RuleMatch> matches)
    {
        List<string>? ids = null;
        foreach (var inspection in ledger.InspectionsOf(enterprise))
        {
            if (inspection.Outcome == outcome && ledger.IsPublished(inspection)) (ids ??= []).Add(inspection.InspectionId);
        }
        if (ids is not null) matches.Add(new RuleMatch(rule, ids));
    }

    private static void AddList(CreditLedger ledger, int enterprise, ListType list, CreditRule rule, List<RuleMatch> matches)
    {
        List<string>? ids = null;
        foreach (var entry in ledger.ListEntriesOf(enterprise))
        {
            if (entry.ListType == list && ledger.IsPublished(entry)) (ids ??= []).Add(entry.RecordId);
        }
        if (ids is not null) matches.Add(new RuleMatch(rule, ids));
    }
}
