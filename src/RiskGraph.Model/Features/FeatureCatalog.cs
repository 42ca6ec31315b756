namespace RiskGraph.Model.Features;

/// <summary>
/// Feature slots of schema version 4 (version 1 lacked credit_class; version 2 the whole-graph analytics; version 3
/// lacked the guarantee-circle and conglomerate features of issue 13). The constants are the column indexes the extractor writes; the tables
/// below give each its name and meaning. Changing either means a new version.
/// </summary>
public static class FeatureCatalog
{
    public const string Version = "4";

    // Own-record attributes.
    public const int PenaltyWarning = 0, PenaltyFine = 1, PenaltyConfiscation = 2, PenaltySuspension = 3, PenaltyLicenceRevoked = 4;
    public const int FineTotalLog = 5, OnAbnormalOperation = 6, OnSeriousViolation = 7, OnSeriousDishonesty = 8;
    public const int OnDishonestDebtor = 9, OnRedList = 10, AgeYears = 11, CapitalLog = 12, NotInBusiness = 13, RecentPenalties = 14;
    public const int CreditClassLevel = 15;
    public const int AttributeCount = 16;

    // Graph structure and neighbourhood exposure.
    public const int Executives = 16, Shareholders = 17, Holdings = 18, Suppliers = 19, Buyers = 20, Guarantors = 21, Guaranteed = 22;
    public const int PersonLinkedEnterprises = 23, PageRankScaled = 24, ComponentSizeLog = 25;
    public const int Negative1Hop = 26, Negative1HopShare = 27, Negative2Hop = 28, Negative2HopShare = 29;
    public const int NegativeIndustries2Hop = 30, NegativeRegions2Hop = 31, NegativeCrossIndustry2Hop = 32, NegativeCrossRegion2Hop = 33;
    public const int NegativeSuppliers = 34, NegativeBuyers = 35, NegativeGuaranteePartners = 36, NegativeShareholdingPartners = 37;
    public const int NegativePersonLinked = 38;

    // Whole-graph analytics (schema 3): communities, risk contagion, ownership siblings, cross-boundary reach, supply chains.
    public const int CommunityNegativeShare = 39, CommunitySizeLog = 40, RiskContagion = 41, OwnershipSiblingsNegative = 42;
    public const int CrossIndustryTargets = 43, CrossRegionTargets = 44, SupplyUpstreamRisk = 45, SupplyDownstreamRisk = 46;

    // Risk patterns (schema 4): guarantee circles and motifs, conglomerates by top controller.
    public const int GuaranteeCircleMember = 47, GuaranteeCircleSizeLog = 48, GuaranteeCircleRisk = 49, GuaranteeMutualPartners = 50;
    public const int GuaranteeTriangles = 51, GroupSizeLog = 52, GroupNegativeShare = 53;
    public const int Count = 54;

    private static readonly (string Name, string Description)[] Slots =
    [
        ("penalty_warning_count", "administrative penalties of kind warning"),
        ("penalty_fine_count", "penalties of kind fine"),
        ("penalty_confiscation_count", "penalties of kind confiscation"),
        ("penalty_suspension_count", "penalties ordering suspension of business"),
        ("penalty_licence_revoked_count", "penalties revoking a licence"),
        ("fine_total_log10", "log10(1 + fines and confiscations in CNY)"),
        ("on_abnormal_operation_list", "an abnormal-operation list entry is in force"),
        ("on_serious_violation_list", "a serious-violation list entry is in force"),
        ("on_serious_dishonesty_list", "a serious-dishonesty list entry is in force"),
        ("on_dishonest_judgment_debtor_list", "a dishonest-judgment-debtor entry is in force"),
        ("on_red_list", "a red-list (integrity) entry is in force"),
        ("age_years", "years since founding"),
        ("registered_capital_log10", "log10(1 + registered capital in CNY)"),
        ("not_in_business", "status is suspended, revoked or cancelled"),
        ("penalties_last_12_months", "penalties of any kind decided in the last 12 months"),
        ("credit_class", "four-class credit class: 0 good, 1 warning, 2 dishonest, 3 seriously dishonest"),
        ("executive_count", "executives"),
        ("shareholder_count", "shareholders (persons and enterprises)"),
        ("holding_count", "enterprises it holds shares in"),
        ("supplier_count", "suppliers"),
        ("buyer_count", "buyers"),
        ("guarantor_count", "enterprises guaranteeing it"),
        ("guaranteed_count", "enterprises it guarantees"),
        ("person_linked_enterprises", "other enterprises sharing a legal representative, executive or shareholder person"),
        ("pagerank_scaled", "PageRank times node count (1 = average)"),
        ("component_size_log10", "log10 of the size of its connected component"),
        ("negative_neighbours_1hop", "directly related enterprises with a negative record"),
        ("negative_neighbours_1hop_share", "share of directly related enterprises with a negative record"),
        ("negative_neighbours_2hop", "enterprises within 2 hops with a negative record (hubs not expanded)"),
        ("negative_neighbours_2hop_share", "share of enterprises within 2 hops with a negative record"),
        ("negative_industries_2hop", "other industries among negative enterprises within 2 hops"),
        ("negative_regions_2hop", "other regions among negative enterprises within 2 hops"),
        ("negative_cross_industry_2hop", "negative enterprises within 2 hops in another industry"),
        ("negative_cross_region_2hop", "negative enterprises within 2 hops in another region"),
        ("negative_suppliers", "suppliers with a negative record (upstream exposure)"),
        ("negative_buyers", "buyers with a negative record (downstream exposure)"),
        ("negative_guarantee_partners", "guarantee partners with a negative record"),
        ("negative_shareholding_partners", "shareholders or holdings with a negative record"),
        ("negative_person_linked", "enterprises sharing a person that have a negative record"),
        ("community_negative_share", "share of the other enterprises in its Louvain community with a negative record"),
        ("community_size_log10", "log10(1 + enterprises in its Louvain community)"),
        ("risk_contagion", "personalized PageRank from enterprises with negative records, times node count"),
        ("ownership_siblings_negative", "negative enterprises among the other holdings of its shareholders (the controlling group's other holdings at risk)"),
        ("cross_industry_risky_3hop", "risky enterprises within 3 hops in another industry"),
        ("cross_region_risky_3hop", "risky enterprises within 3 hops in another region"),
        ("supply_upstream_risk", "risk reaching it from its suppliers' chain, decayed per hop"),
        ("supply_downstream_risk", "risk reaching it from its buyers' chain, decayed per hop"),
        ("guarantee_circle_member", "in a guarantee circle (担保圈): a cycle of guarantees leads back to it"),
        ("guarantee_circle_size_log10", "log10(1 + enterprises in its guarantee circle), 0 outside circles"),
        ("guarantee_circle_risk", "its circle's contagion score: mean default stress of the members after spreading in rounds over guarantees"),
        ("guarantee_mutual_partners", "enterprises it guarantees that guarantee it back (互保)"),
        ("guarantee_triangles", "guarantee triangles it is part of"),
        ("group_size_log10", "log10(1 + enterprises in its conglomerate under the same top controller), 0 outside groups"),
        ("group_negative_share", "share of the other enterprises in its conglomerate with a negative record"),
    ];

    public static IReadOnlyList<string> Names { get; } = Slots.Select(s => s.Name).ToArray();

    public static IReadOnlyList<string> Descriptions { get; } = Slots.Select(s => s.Description).ToArray();
}
