namespace RiskGraph.Model.Domain;

/// <summary>
/// The snake_case names used in CSV files, the store and JSON for the domain enums.
/// One table per enum keeps parsing and printing symmetric.
/// </summary>
public static class DomainNames
{
    private static readonly string[] StatusNames = ["in_business", "suspended", "revoked", "cancelled"];
    private static readonly string[] HolderNames = ["person", "enterprise"];
    private static readonly string[] PenaltyNames = ["warning", "fine", "confiscation", "suspension", "licence_revoked"];
    private static readonly string[] ListNames =
        ["abnormal_operation", "serious_violation", "serious_dishonesty", "dishonest_judgment_debtor", "red_list"];

    private static readonly string[] RepairNames = ["commitment", "credit_report", "training", "rectification"];
    private static readonly string[] ObjectionNames = ["upheld", "corrected", "revoked"];
    private static readonly string[] CommitmentNames = ["self_disclosure", "credit_repair", "industry_self_discipline", "notification_approval"];
    private static readonly string[] FulfilmentNames = ["pending", "fulfilled", "breached"];
    private static readonly string[] PersonListNames = ["dishonest_judgment_debtor", "restricted_executive"];
    private static readonly string[] InspectionNames = ["no_problem", "education_only", "unreachable", "case_opened"];

    public static string Name(this EnterpriseStatus value) => StatusNames[(int)value];
    public static string Name(this HolderKind value) => HolderNames[(int)value];
    public static string Name(this PenaltyKind value) => PenaltyNames[(int)value];
    public static string Name(this ListType value) => ListNames[(int)value];

    public static string Name(this RepairMethod value) => RepairNames[(int)value];
    public static string Name(this ObjectionResult value) => ObjectionNames[(int)value];
    public static string Name(this CommitmentType value) => CommitmentNames[(int)value];
    public static string Name(this Fulfilment value) => FulfilmentNames[(int)value];
    public static string Name(this InspectionOutcome value) => InspectionNames[(int)value];
    public static string Name(this PersonListType value) => PersonListNames[(int)value];

    public static IReadOnlyList<string> AllStatuses => StatusNames;
    public static IReadOnlyList<string> AllRepairMethods => RepairNames;
    public static IReadOnlyList<string> AllObjectionResults => ObjectionNames;
    public static IReadOnlyList<string> AllCommitmentTypes => CommitmentNames;
    public static IReadOnlyList<string> AllFulfilments => FulfilmentNames;
    public static IReadOnlyList<string> AllInspectionOutcomes => InspectionNames;
    public static IReadOnlyList<string> AllPersonListTypes => PersonListNames;
    public static IReadOnlyList<string> AllHolderKinds => HolderNames;
    public static IReadOnlyList<string> AllPenaltyKinds => PenaltyNames;
    public static IReadOnlyList<string> AllListTypes => ListNames;

    public static bool TryParse(string text, out EnterpriseStatus value) => TryFind(StatusNames, text, out value);
    public static bool TryParse(string text, out HolderKind value) => TryFind(HolderNames, text, out value);
    public static bool TryParse(string text, out PenaltyKind value) => TryFind(PenaltyNames, text, out value);
    public static bool TryParse(string text, out ListType value) => TryFind(ListNames, text, out value);

    public static bool TryParse(string text, out RepairMethod value) => TryFind(RepairNames, text, out value);
    public static bool TryParse(string text, out ObjectionResult value) => TryFind(ObjectionNames, text, out value);
    public static bool TryParse(string text, out CommitmentType value) => TryFind(CommitmentNames, text, out value);
    public static bool TryParse(string text, out Fulfilment value) => TryFind(FulfilmentNames, text, out value);
    public static bool TryParse(string text, out InspectionOutcome value) => TryFind(InspectionNames, text, out value);
    public static bool TryParse(string text, out PersonListType value) => TryFind(PersonListNames, text, out value);

    private static bool TryFind<T>(string[] names, string text, out T value) where T : struct, Enum
    {
        int index = Array.IndexOf(names, text);
        value = index >= 0 ? (T)(object)index : default;
        return index >= 0;
    }
}
