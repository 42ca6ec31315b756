namespace RiskGraph.Model.Credit;

/// <summary>One rule of the four-class classification, with the class it assigns and where it comes from.</summary>
public sealed record CreditRule(string Id, CreditClass Class, string Description, string Basis);

/// <summary>
/// The rules, after the Tianjin market-entity credit-risk classification (see README "Credit classes").
/// "以下" is read as inclusive (at most 5 penalties, at most CNY 500,000). The most severe matching class wins.
/// </summary>
public static class CreditRules
{
    public const int MaxPenaltiesForDishonest = 5;
    public const double MaxFinesForDishonest = 500_000;
    private const string Tianjin = "天津市市场主体信用风险分类 (商资函〔2015〕945号 案例)";
    private const string TianjinInspection = "天津滨海新区随机联查 信息回填 (商资函〔2015〕945号 案例)";

    public static readonly CreditRule SeriousViolationList = new("black.serious_violation_list", CreditClass.SeriouslyDishonest,
        "on the serious-violation enterprise list (严重违法企业名单)", Tianjin);
    public static readonly CreditRule SeriousDishonestyList = new("black.serious_dishonesty_list", CreditClass.SeriouslyDishonest,
        "on the serious-dishonesty subject list (严重失信主体名单)", "严重失信主体名单管理");
    public static readonly CreditRule ManyPenalties = new("black.more_than_5_penalties", CreditClass.SeriouslyDishonest,
        "more than 5 administrative penalties other than warnings", Tianjin);
    public static readonly CreditRule LargeFines = new("black.fines_over_500000", CreditClass.SeriouslyDishonest,
        "cumulative fines and confiscations over CNY 500,000", Tianjin);
    public static readonly CreditRule StopOrRevocation = new("black.suspension_or_licence_revoked", CreditClass.SeriouslyDishonest,
        "ordered to stop production or business, or licence revoked (责令停产停业、吊销许可证或执照)", Tianjin);
    public static readonly CreditRule LicenceRevokedStatus = new("black.business_licence_revoked", CreditClass.SeriouslyDishonest,
        "business licence revoked (enterprise status revoked): holds while the status holds (吊销营业执照)", Tianjin);
    public static readonly CreditRule AbnormalList = new("red.abnormal_operation_list", CreditClass.Dishonest,
        "on the abnormal-operation list (经营异常名录)", Tianjin);
    // Seed 001's write-back of inspection results: 「无法取得联系的企业,依法列入异常名录并公示,企业信用风险分类调整为“失信”」.
    public static readonly CreditRule InspectionUnreachable = new("red.inspection_unreachable", CreditClass.Dishonest,
        "not reachable at the registered address on inspection (无法取得联系)", TianjinInspection);
    public static readonly CreditRule FewPenalties = new("red.up_to_5_penalties", CreditClass.Dishonest,
        "1 to 5 penalties other than warnings, cumulative fines up to CNY 500,000", Tianjin);
    // The Tianjin rules do not name judgment debtors, so their class comes from the "other rules" clause of 失信 (red);
    // the restrictions seed 004 attaches to them (fiscal funds, awards, qualifications, public-resource trading) are
    // applied by CheckPolicy whatever the class, because they follow from the listing, not from the colour.
    public static readonly CreditRule DishonestDebtor = new("red.dishonest_judgment_debtor", CreditClass.Dishonest,
        "on the dishonest judgment debtor list (失信被执行人) — an 'other rule'", "最高人民法院失信被执行人名单");
    public static readonly CreditRule WarningsOnly = new("yellow.warning_penalties_only", CreditClass.Warning,
        "administrative penalties of kind warning only", Tianjin);
    public static readonly CreditRule InspectionEducationOnly = new("yellow.inspection_education_only", CreditClass.Warning,
        "inspection found problems handled by education and rectification only, or serious non-cooperation (仅教育整改)", TianjinInspection);
    public static readonly CreditRule InspectionCaseOpened = new("yellow.inspection_case_opened", CreditClass.Warning,
        "inspection opened a case (立案调查): warning until the penalty is decided", TianjinInspection);
    public static readonly CreditRule BrokenCommitment = new("yellow.breached_commitment", CreditClass.Warning,
        "a breached credit commitment (negative performance record)", Tianjin);
    public static readonly CreditRule NoNegativeRecords = new("green.no_negative_records", CreditClass.Good,
        "no penalty, no negative list entry and no negative performance record", Tianjin);

    public static IReadOnlyList<CreditRule> All { get; } =
    [
        SeriousViolationList, SeriousDishonestyList, ManyPenalties, LargeFines, StopOrRevocation, LicenceRevokedStatus,
        AbnormalList, InspectionUnreachable, FewPenalties, DishonestDebtor, WarningsOnly, InspectionEducationOnly, InspectionCaseOpened,
        BrokenCommitment, NoNegativeRecords,
    ];
}
