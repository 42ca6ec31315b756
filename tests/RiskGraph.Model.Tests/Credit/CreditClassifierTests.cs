using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Tests.Credit;

public class CreditClassifierTests
{
    private const string U = "E";
    private static readonly DateOnly AsOf = new(2025, 12, 31);
    private static readonly DateTimeOffset When = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static Penalty Pen(int n, PenaltyKind kind, double amount = 0, int daysAgo = 30) =>
        new($"P{n}", U, kind, amount, AsOf.AddDays(-daysAgo), AsOf.AddDays(-daysAgo + 3), "市场监管局");

    private static ListEntry List(int n, ListType type, int fromDaysAgo = 60, int? toDaysAgo = null) =>
        new($"L{n}", U, type, AsOf.AddDays(-fromDaysAgo), toDaysAgo is null ? null : AsOf.AddDays(-toDaysAgo.Value), "市场监管局");

    private static Inspection Insp(InspectionOutcome outcome, int daysAgo = 20) =>
        new("I1", U, AsOf.AddDays(-daysAgo), outcome, "市场监管局", "张三,李四");

    private static Penalty[] Fines(int count, double each) => Enumerable.Range(1, count).Select(i => Pen(i, PenaltyKind.Fine, each)).ToArray();

    private static CreditClassification Classify(
        Penalty[]? penalties = null, ListEntry[]? lists = null, Commitment[]? commitments = null,
        CreditRepair[]? repairs = null, Objection[]? objections = null, ObjectionOutcome[]? outcomes = null,
        EnterpriseStatus status = EnterpriseStatus.InBusiness, Inspection[]? inspections = null)
    {
        var ledger = new CreditLedger(1, _ => 0, AsOf, penalties ?? [], lists ?? [], commitments ?? [], repairs ?? [], objections ?? [], outcomes ?? [],
            statuses: [status], inspections: inspections);
        return CreditClassifier.Classify(ledger, 0);
    }

    public static TheoryData<string, CreditClassification, CreditClass, string> Cases => new()
    {
        { "no records", Classify(), CreditClass.Good, "green.no_negative_records" },
        { "one warning", Classify([Pen(1, PenaltyKind.Warning)]), CreditClass.Warning, "yellow.warning_penalties_only" },
        { "warnings and one fine", Classify([Pen(1, PenaltyKind.Warning), Pen(2, PenaltyKind.Fine, 100)]), CreditClass.Dishonest, "red.up_to_5_penalties" },
        { "exactly 5 fines, CNY 500,000 in all", Classify(Fines(5, 100_000)), CreditClass.Dishonest, "red.up_to_5_penalties" },
        { "6 fines", Classify(Fines(6, 10)), CreditClass.SeriouslyDishonest, "black.more_than_5_penalties" },
        { "one fine of CNY 500,000", Classify(Fines(1, 500_000)), CreditClass.Dishonest, "red.up_to_5_penalties" },
        { "one fine of CNY 500,001", Classify(Fines(1, 500_001)), CreditClass.SeriouslyDishonest, "black.fines_over_500000" },
        { "confiscations count as fines", Classify([Pen(1, PenaltyKind.Confiscation, 300_000), Pen(2, PenaltyKind.Fine, 200_001)]), CreditClass.SeriouslyDishonest, "black.fines_over_500000" },
        { "ordered to suspend business", Classify([Pen(1, PenaltyKind.Suspension)]), CreditClass.SeriouslyDishonest, "black.suspension_or_licence_revoked" },
        { "licence revoked", Classify([Pen(1, PenaltyKind.LicenceRevoked)]), CreditClass.SeriouslyDishonest, "black.suspension_or_licence_revoked" },
        { "penalty older than the publicity period", Classify([Pen(1, PenaltyKind.Fine, 10, daysAgo: 3 * 366)]), CreditClass.Good, "green.no_negative_records" },
        { "abnormal-operation list in force", Classify(lists: [List(1, ListType.AbnormalOperation)]), CreditClass.Dishonest, "red.abnormal_operation_list" },
        { "abnormal-operation list ended", Classify(lists: [List(1, ListType.AbnormalOperation, 400, 10)]), CreditClass.Good, "green.no_negative_records" },
        { "abnormal-operation list ends on the day", Classify(lists: [List(1, ListType.AbnormalOperation, 400, 0)]), CreditClass.Dishonest, "red.abnormal_operation_list" },
        { "abnormal-operation list not yet started", Classify(lists: [List(1, ListType.AbnormalOperation, -5)]), CreditClass.Good, "green.no_negative_records" },
        { "serious-violation list in force", Classify(lists: [List(1, ListType.SeriousViolation)]), CreditClass.SeriouslyDishonest, "black.serious_violation_list" },
        { "serious-violation list ended", Classify(lists: [List(1, ListType.SeriousViolation, 900, 1)]), CreditClass.Good, "green.no_negative_records" },
        { "serious-dishonesty list", Classify(lists: [List(1, ListType.SeriousDishonesty)]), CreditClass.SeriouslyDishonest, "black.serious_dishonesty_list" },
        { "dishonest judgment debtor", Classify(lists: [List(1, ListType.DishonestJudgmentDebtor)]), CreditClass.Dishonest, "red.dishonest_judgment_debtor" },
        { "red list alone", Classify(lists: [List(1, ListType.RedList)]), CreditClass.Good, "green.no_negative_records" },
        { "breached commitment", Classify(commitments: [new("C1", U, CommitmentType.NotificationApproval, "许可", AsOf.AddDays(-90), Fulfilment.Breached, "d")]), CreditClass.Warning, "yellow.breached_commitment" },
        { "fulfilled commitment", Classify(commitments: [new("C1", U, CommitmentType.SelfDisclosure, "x", AsOf.AddDays(-90), Fulfilment.Fulfilled, "d")]), CreditClass.Good, "green.no_negative_records" },
        { "most severe wins", Classify(Fines(6, 10), [List(9, ListType.AbnormalOperation)]), CreditClass.SeriouslyDishonest, "black.more_than_5_penalties" },
        { "repaired fine", Classify(Fines(1, 100), repairs: [new("R1", "P1", RepairMethod.CreditReport, "市场监管局", "整改完毕", When)]), CreditClass.Good, "green.no_negative_records" },
        { "contested fine still stands", Classify(Fines(1, 100), objections: [new("O1", "P1", "企业", "金额有误", When)]), CreditClass.Dishonest, "red.up_to_5_penalties" },
        { "objection upheld", Classify(Fines(1, 100), objections: [new("O1", "P1", "企业", "x", When)], outcomes: [new("O1", ObjectionResult.Upheld, "市场监管局", "维持", When.AddDays(3))]), CreditClass.Dishonest, "red.up_to_5_penalties" },
        { "objection corrected without new values: the record still counts", Classify(Fines(1, 100), objections: [new("O1", "P1", "企业", "x", When)], outcomes: [new("O1", ObjectionResult.Corrected, "市场监管局", "更正", When.AddDays(3))]), CreditClass.Dishonest, "red.up_to_5_penalties" },
        // Seed 001: 「检查结果将自动公示,并影响信用风险分类」 — the four inspection outcomes.
        { "inspection found no problem", Classify(inspections: [Insp(InspectionOutcome.NoProblem)]), CreditClass.Good, "green.no_negative_records" },
        { "inspection: education only", Classify(inspections: [Insp(InspectionOutcome.EducationOnly)]), CreditClass.Warning, "yellow.inspection_education_only" },
        { "inspection: not reachable", Classify(inspections: [Insp(InspectionOutcome.Unreachable)]), CreditClass.Dishonest, "red.inspection_unreachable" },
        { "inspection: case opened", Classify(inspections: [Insp(InspectionOutcome.CaseOpened)]), CreditClass.Warning, "yellow.inspection_case_opened" },
        { "inspection: case opened, then fined", Classify(Fines(1, 100), inspections: [Insp(InspectionOutcome.CaseOpened)]), CreditClass.Dishonest, "red.up_to_5_penalties" },
        { "inspection older than the period", Classify(inspections: [Insp(InspectionOutcome.Unreachable, 4 * 365)]), CreditClass.Good, "green.no_negative_records" },
        { "business licence revoked (status)", Classify(status: EnterpriseStatus.Revoked), CreditClass.SeriouslyDishonest, "black.business_licence_revoked" },
        { "objection revoked the list entry", Classify(lists: [List(1, ListType.SeriousViolation)], objections: [new("O1", "L1", "企业", "x", When)], outcomes: [new("O1", ObjectionResult.Revoked, "市场监管局", "撤销", When.AddDays(3))]), CreditClass.Good, "green.no_negative_records" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rules(string scenario, CreditClassification result, CreditClass expected, string decisiveRule)
    {
        Assert.True(expected == result.Class, $"{scenario}: expected {expected}, got {result.Class}");
        Assert.Equal(decisiveRule, result.Decisive.Rule.Id);
    }

    [Fact]
    public void TheDecisiveRule_NamesTheRecordsThatTriggeredIt()
    {
        var result = Classify([Pen(1, PenaltyKind.Warning), Pen(2, PenaltyKind.Fine, 100), Pen(3, PenaltyKind.Suspension)]);
        Assert.Equal(["P3"], result.Decisive.RecordIds);
        Assert.Contains(result.Matches, m => m.Rule == CreditRules.FewPenalties && m.RecordIds.SequenceEqual(["P2", "P3"]));
    }

    [Fact]
    public void EveryRule_IsCoveredByACase()
    {
        var covered = Cases.Select(c => (string)c[3]).ToHashSet();
        Assert.All(CreditRules.All, rule => Assert.Contains(rule.Id, covered));
    }

    [Fact]
    public void StatusAndHistory_KeepWhoWhenAndWhy()
    {
        var repair = new CreditRepair("R1", "P1", RepairMethod.Commitment, "税务局", "按期整改", When);
        var ledger = new CreditLedger(1, _ => 0, AsOf, Fines(1, 100), [], [], [repair], [], []);
        Assert.Equal(RecordStatus.Repaired, ledger.StatusOf(ledger.PenaltiesOf(0)[0]));
        Assert.False(ledger.IsPublished(ledger.PenaltiesOf(0)[0]));
        Assert.Equal(repair, Assert.Single(ledger.HistoryOf("P1")!.Repairs));
        Assert.Single(ledger.PenaltiesOf(0).ToArray());
    }
}
