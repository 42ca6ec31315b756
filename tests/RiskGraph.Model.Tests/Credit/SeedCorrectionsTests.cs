using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Tests.Credit;

/// <summary>The four places where the credit rules contradicted the seeds (issue 17), each with the sentence it enforces.</summary>
public class SeedCorrectionsTests
{
    private const string U = "E";
    private static readonly DateOnly AsOf = new(2026, 12, 1);
    private static readonly DateTimeOffset Filed = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static Penalty Pen(string id, PenaltyKind kind, double amount = 0, int daysAgo = 30) =>
        new(id, U, kind, amount, AsOf.AddDays(-daysAgo), AsOf.AddDays(-daysAgo + 3), "市场监管局");

    private static ListEntry Debtor(string id = "L1") => new(id, U, ListType.DishonestJudgmentDebtor, AsOf.AddDays(-60), null, "人民法院", "民事诉讼法");

    private static CreditLedger Ledger(
        Penalty[]? penalties = null, ListEntry[]? lists = null, CreditRepair[]? repairs = null, Objection[]? objections = null,
        ObjectionOutcome[]? outcomes = null, PublicationPeriods? periods = null, EnterpriseStatus status = EnterpriseStatus.InBusiness) =>
        new(1, _ => 0, AsOf, penalties ?? [], lists ?? [], [], repairs ?? [], objections ?? [], outcomes ?? [], periods, [status]);

    private static (Objection[], ObjectionOutcome[]) Decided(string recordId, ObjectionResult result, RecordCorrection? correction = null) =>
        ([new Objection("O1", recordId, "企业", "金额有误", Filed)], [new ObjectionOutcome("O1", result, "市场监管局", "复核", Filed.AddDays(5), correction)]);

    // Seed 004: 「对失信被执行人、重大税收违法 案件当事人等被列入严重失信主体名单的市场主体,在财政性资 金项目申报、评先评优、资质认定、参与公共资源交易等活动中 予以约束和限制」
    [Theory]
    [InlineData("subsidy", "no_government_funding")]
    [InlineData("honours", "no_honours")]
    [InlineData("qualification", "no_qualification_recognition")]
    [InlineData("procurement", "restricted_public_resource_trading")]
    [InlineData("bidding", "restricted_public_resource_trading")]
    public void 失信被执行人_在财政性资金项目申报评先评优资质认定参与公共资源交易中予以约束和限制(string purpose, string restriction)
    {
        var ledger = Ledger(lists: [Debtor()]);
        var outcome = CheckPolicy.Check(ledger, CreditClassifier.ClassifyAll(ledger, 1), 0, purpose);
        // The class stays red (the Tianjin rules' "other rules" clause); the restriction follows from the listing.
        Assert.Equal(CreditClass.Dishonest, outcome.Classification.Class);
        var measure = Assert.Single(outcome.Restrictions);
        Assert.Equal(restriction, measure.Code);
        Assert.Contains("失信被执行人", measure.Basis);
    }

    [Theory]
    [InlineData("financing")]
    [InlineData("approval")]
    public void 失信被执行人_AreNotRestrictedBeyondTheFourActivitiesTheSeedNames(string purpose)
    {
        var ledger = Ledger(lists: [Debtor()]);
        Assert.Empty(CheckPolicy.Check(ledger, CreditClassifier.ClassifyAll(ledger, 1), 0, purpose).Restrictions);
    }

    [Fact]
    public void 失信被执行人_WhoAreAlsoSeriouslyDishonest_GetEachRestrictionOnce()
    {
        var ledger = Ledger(lists: [Debtor(), new("L2", U, ListType.SeriousDishonesty, AsOf.AddDays(-10), null, "发改委")]);
        var outcome = CheckPolicy.Check(ledger, CreditClassifier.ClassifyAll(ledger, 1), 0, "procurement");
        Assert.Equal("restricted_public_resource_trading", Assert.Single(outcome.Restrictions).Code);
    }

    // Seed 004: 「对有误的信用信息应及时更正或撤销」 — corrected or revoked: a correction keeps the record at its corrected values.
    [Fact]
    public void 对有误的信用信息应及时更正或撤销_ACorrectedFineCountsAtTheCorrectedAmount()
    {
        var (objections, outcomes) = Decided("P1", ObjectionResult.Corrected, new RecordCorrection(Amount: 600_000));
        var ledger = Ledger([Pen("P1", PenaltyKind.Fine, 100)], objections: objections, outcomes: outcomes);

        var classification = CreditClassifier.Classify(ledger, 0);
        Assert.Equal(CreditClass.SeriouslyDishonest, classification.Class);
        Assert.Equal("black.fines_over_500000", classification.Decisive.Rule.Id);
        Assert.Equal(RecordStatus.Corrected, ledger.StatusOf("P1"));
        Assert.Equal(600_000, ledger.PenaltiesOf(0)[0].Amount);
        Assert.Equal(100, Assert.IsType<Penalty>(ledger.OriginalOf("P1")).Amount);
    }

    [Fact]
    public void 对有误的信用信息应及时更正或撤销_ACorrectedKindAndDatesAreWhatCounts()
    {
        var (objections, outcomes) = Decided("P1", ObjectionResult.Corrected, new RecordCorrection(Kind: PenaltyKind.Warning, Amount: 0));
        Assert.Equal(CreditClass.Warning, CreditClassifier.Classify(Ledger([Pen("P1", PenaltyKind.Fine, 100)], objections: objections, outcomes: outcomes), 0).Class);

        // A decision date corrected to four years ago puts the fine outside its three-year publication period.
        var old = AsOf.AddYears(-4);
        (objections, outcomes) = Decided("P1", ObjectionResult.Corrected, new RecordCorrection(DecisionDate: old, PublicationDate: old.AddDays(2)));
        var ledger = Ledger([Pen("P1", PenaltyKind.Fine, 100)], objections: objections, outcomes: outcomes);
        Assert.Equal(RecordStatus.Expired, ledger.StatusOf("P1"));
        Assert.Equal(CreditClass.Good, CreditClassifier.Classify(ledger, 0).Class);
    }

    [Fact]
    public void 对有误的信用信息应及时更正或撤销_OnlyRevokedWithdrawsTheRecord()
    {
        var (objections, outcomes) = Decided("P1", ObjectionResult.Revoked);
        var ledger = Ledger([Pen("P1", PenaltyKind.Fine, 100)], objections: objections, outcomes: outcomes);
        Assert.Equal(RecordStatus.Revoked, ledger.StatusOf("P1"));
        Assert.Equal(CreditClass.Good, CreditClassifier.Classify(ledger, 0).Class);

        (objections, outcomes) = Decided("L1", ObjectionResult.Corrected, new RecordCorrection(ValidTo: AsOf.AddDays(30)));
        ledger = Ledger(lists: [Debtor()], objections: objections, outcomes: outcomes);
        Assert.Equal(RecordStatus.Corrected, ledger.StatusOf("L1"));
        Assert.Equal(AsOf.AddDays(30), ledger.ListEntriesOf(0)[0].ValidTo);
        Assert.Equal(CreditClass.Dishonest, CreditClassifier.Classify(ledger, 0).Class);
    }

    // Seed 001: 「被依法责令停产停业,吊销营业执照或许可证」 is a seriously-dishonest criterion, for as long as the revocation holds.
    [Fact]
    public void 吊销营业执照或许可证_ALicenceRevocationOlderThanThreeYearsStillCountsUntilReversed()
    {
        var revoked = Pen("P1", PenaltyKind.LicenceRevoked, daysAgo: 5 * 365);
        var ledger = Ledger([revoked]);
        Assert.Equal(RecordStatus.Active, ledger.StatusOf("P1"));
        Assert.Equal("black.suspension_or_licence_revoked", CreditClassifier.Classify(ledger, 0).Decisive.Rule.Id);

        var (objections, outcomes) = Decided("P1", ObjectionResult.Revoked);
        Assert.Equal(CreditClass.Good, CreditClassifier.Classify(Ledger([revoked], objections: objections, outcomes: outcomes), 0).Class);
        // A suspension is an event, not a standing state: it ages out with its period.
        Assert.Equal(CreditClass.Good, CreditClassifier.Classify(Ledger([Pen("P2", PenaltyKind.Suspension, daysAgo: 5 * 365)]), 0).Class);
    }

    [Fact]
    public void 吊销营业执照或许可证_AnEnterpriseWhoseStatusIsRevokedIsSeriouslyDishonestWhileItHolds()
    {
        var classification = CreditClassifier.Classify(Ledger(status: EnterpriseStatus.Revoked), 0);
        Assert.Equal(CreditClass.SeriouslyDishonest, classification.Class);
        Assert.Equal("black.business_licence_revoked", classification.Decisive.Rule.Id);
        Assert.Equal(CreditClass.Good, CreditClassifier.Classify(Ledger(status: EnterpriseStatus.InBusiness), 0).Class);
    }

    // Seed 000: 「按規(guī)定及時停止公示其失信記錄」 — after repair the dishonesty record is no longer published.
    [Fact]
    public void 停止公示其失信記錄_OutsideTheCreditOfficersViewARepairShowsOnlyThatARecordWasRepairedAndWhen()
    {
        var repair = new CreditRepair("R1", "沪市监罚〔2026〕12号", RepairMethod.CreditReport, "市场监管局", "已整改,提交信用报告", Filed.AddDays(9));
        var objection = new Objection("O1", repair.RecordId, "企业", "处罚依据有误", Filed);
        var ledger = Ledger([Pen(repair.RecordId, PenaltyKind.Fine, 100)], repairs: [repair], objections: [objection]);

        var file = CreditFile.Build(ledger, 0, CreditFileView.Public);
        Assert.Empty(file.Penalties);
        Assert.Equal(new RepairNotice(repair.DecidedAt, null), Assert.Single(file.Repairs));
        Assert.Empty(file.Objections);

        var officer = CreditFile.Build(ledger, 0, CreditFileView.CreditOfficer);
        Assert.Equal(repair, Assert.Single(officer.Repairs).Repair);
        Assert.Equal(objection, Assert.Single(officer.Objections).Objection);
    }

    [Fact]
    public void PublicationPeriods_AreConfigurablePerKind_WithThreeYearsWhereTheSeedsGiveNone()
    {
        var warning = Pen("P1", PenaltyKind.Warning, daysAgo: 2 * 365);
        Assert.Equal(RecordStatus.Active, Ledger([warning]).StatusOf("P1"));
        var oneYear = PublicationPeriods.FromNames([new("warning", 1)]);
        Assert.Equal(RecordStatus.Expired, Ledger([warning], periods: oneYear).StatusOf("P1"));
        Assert.Equal(3, oneYear.YearsFor(PenaltyKind.Fine));
        Assert.Throws<ArgumentException>(() => PublicationPeriods.FromNames([new("fines", 1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PublicationPeriods.FromNames([new("fine", 0)]));
    }

    [Fact]
    public void TheLedgerCanBeReEvaluatedOnAnotherDay()
    {
        var ledger = Ledger([Pen("P1", PenaltyKind.Fine, 100, daysAgo: 3 * 365 - 10)]);
        Assert.Equal(RecordStatus.Active, ledger.StatusOf("P1"));
        Assert.Equal(RecordStatus.Expired, ledger.At(AsOf.AddDays(20)).StatusOf("P1"));
        Assert.Equal(RecordStatus.Expired, ledger.At(AsOf.AddYears(-4)).StatusOf("P1"));
    }
}
