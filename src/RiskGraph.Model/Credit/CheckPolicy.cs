using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Credit;

/// <summary>A restriction or incentive that applies to an application, with its source.</summary>
public sealed record Measure(string Code, string Description, string Basis);

/// <summary>Whether the applicant may be approved on the strength of a notification commitment (告知承诺).</summary>
public sealed record CommitmentEligibility(bool Eligible, string Reason, IReadOnlyList<string> RecordIds);

/// <summary>The outcome of one "check on every application" (逢报必查、逢办必查).</summary>
public sealed record CheckOutcome(
    string Purpose, CreditClassification Classification, IReadOnlyList<ListEntry> ListsInForce,
    IReadOnlyList<Measure> Restrictions, IReadOnlyList<Measure> Incentives, CommitmentEligibility CommitmentEligibility, string Supervision);

/// <summary>
/// Which joint punishment and incentive measures apply to an application for a given purpose. Restrictions follow
/// the seeds: serious dishonesty bars government funding, administrative facilitation, honours and restricts
/// public-resource trading (R98, R99); red-list enterprises get approval convenience and priority (R101).
/// Dishonest judgment debtors are restricted in the four activities seed 004 names for them, whatever their class:
/// 「对失信被执行人、重大税收违法 案件当事人等被列入严重失信主体名单的市场主体,在财政性资 金项目申报、评先评优、资质认定、参与公共资源交易等活动中 予以约束和限制」.
/// </summary>
public static class CheckPolicy
{
    public static IReadOnlyList<string> Purposes { get; } = ["procurement", "bidding", "subsidy", "approval", "honours", "financing", "qualification"];

    private static readonly Measure NoFunding = new("no_government_funding", "no government funding or fiscal-fund project support", "R98, R99: 限制享受政府资金资助");
    private static readonly Measure NoFacilitation = new("no_facilitation", "no administrative facilitation (e.g. no notification-commitment approval)", "R98: 限制享受行政管理便利化政策");
    private static readonly Measure NoHonours = new("no_honours", "no honours or awards (评先评优)", "R98, R99");
    private static readonly Measure RestrictedTrading = new("restricted_public_resource_trading", "restricted participation in public-resource trading (procurement, bidding)", "R99: 参与公共资源交易");
    private static readonly Measure NoQualification = new("no_qualification_recognition", "no qualification recognition (资质认定)", "R99: 资质认定");

    // The same four restrictions, with the debtor listing as their basis (seed 004, R99 and R9/R10).
    private const string DebtorBasis = "R99 (seed 004): 失信被执行人 … 在财政性资金项目申报、评先评优、资质认定、参与公共资源交易等活动中予以约束和限制";
    private static readonly Measure DebtorNoFunding = NoFunding with { Basis = DebtorBasis };
    private static readonly Measure DebtorNoHonours = NoHonours with { Basis = DebtorBasis };
    private static readonly Measure DebtorNoQualification = NoQualification with { Basis = DebtorBasis };
    private static readonly Measure DebtorRestrictedTrading = RestrictedTrading with { Basis = DebtorBasis };

    private static readonly Measure ApprovalConvenience = new("approval_convenience", "approval convenience and priority for facilitation policies", "R101: 提供审批便利、优先适用便利政策");
    private static readonly Measure PriorityCredit = new("priority_credit_support", "priority consideration for credit-based financing (信易贷)", "R101");

    public static bool IsKnownPurpose(string purpose) => Purposes.Contains(purpose);

    public static CheckOutcome Check(CreditLedger ledger, IReadOnlyList<CreditClass> classes, int enterprise, string purpose)
    {
        if (!IsKnownPurpose(purpose)) throw new ArgumentException($"Unknown purpose '{purpose}'.", nameof(purpose));
        var classification = CreditClassifier.Classify(ledger, enterprise);
        var lists = new List<ListEntry>();
        foreach (var entry in ledger.ListEntriesOf(enterprise))
        {
            if (ledger.IsPublished(entry)) lists.Add(entry);
        }

        var restrictions = new List<Measure>();
        if (classification.Class == CreditClass.SeriouslyDishonest && SeriousDishonestyMeasure(purpose) is { } serious) restrictions.Add(serious);
        if (lists.Any(l => l.ListType == ListType.DishonestJudgmentDebtor) && DebtorMeasure(purpose) is { } debtor
            && restrictions.All(r => r.Code != debtor.Code))
            restrictions.Add(debtor);
        var incentives = new List<Measure>();
        bool onRedList = lists.Any(l => l.ListType == ListType.RedList);
        if (onRedList && classification.Class == CreditClass.Good)
        {
            if (purpose is "approval") incentives.Add(ApprovalConvenience);
            if (purpose is "financing" or "subsidy") incentives.Add(PriorityCredit);
        }

        // R160: good entities go into routine random checks, all other classes into key inspection.
        string supervision = classification.Class == CreditClass.Good ? "routine_random_inspection" : "key_inspection";
        return new CheckOutcome(purpose, classification, lists, restrictions, incentives, Eligibility(ledger, enterprise, classification), supervision);
    }

    private static Measure? SeriousDishonestyMeasure(string purpose) => purpose switch
    {
        "subsidy" or "financing" => NoFunding,
        "approval" => NoFacilitation,
        "honours" => NoHonours,
        "qualification" => NoQualification,
        "procurement" or "bidding" => RestrictedTrading,
        _ => null,
    };

    // Financing and plain approvals are not among the four activities seed 004 names for debtors.
    private static Measure? DebtorMeasure(string purpose) => purpose switch
    {
        "subsidy" => DebtorNoFunding,
        "honours" => DebtorNoHonours,
        "qualification" => DebtorNoQualification,
        "procurement" or "bidding" => DebtorRestrictedTrading,
        _ => null,
    };

    private static CommitmentEligibility Eligibility(CreditLedger ledger, int enterprise, CreditClassification classification)
    {
        var breached = new List<string>();
        foreach (var commitment in ledger.CommitmentsOf(enterprise))
        {
            if (commitment.Type == CommitmentType.NotificationApproval && commitment.Fulfilment == Fulfilment.Breached)
                breached.Add(commitment.CommitmentId);
        }
        if (breached.Count > 0)
            return new CommitmentEligibility(false, "a notification-commitment was breached: commitment-based approval no longer applies (R21)", breached);
        if (classification.Class == CreditClass.SeriouslyDishonest)
            return new CommitmentEligibility(false, "seriously dishonest: no administrative facilitation (R98)", classification.Decisive.RecordIds);
        return new CommitmentEligibility(true, "no breached notification-commitment", []);
    }
}
