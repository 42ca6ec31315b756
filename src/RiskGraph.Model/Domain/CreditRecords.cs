namespace RiskGraph.Model.Domain;

/// <summary>An administrative penalty decision (行政处罚), keyed by its decision number.</summary>
/// <param name="Department">The source department that decided it.</param>
/// <param name="CatalogueItem">The public-credit catalogue item it is published under (目录管理), null when the source gave none.</param>
public sealed record Penalty(
    string RecordId,
    string Uscc,
    PenaltyKind Kind,
    double Amount,
    DateOnly DecisionDate,
    DateOnly PublicationDate,
    string Department,
    string? CatalogueItem = null);

/// <summary>An entry on a credit list, in force from <paramref name="ValidFrom"/> until <paramref name="ValidTo"/> (open when null).</summary>
/// <param name="Department">The determining department (认定单位).</param>
/// <param name="LegalBasis">The law or rule the determination rests on, null when the source gave none.</param>
/// <param name="CatalogueItem">The public-credit catalogue item, null when the source gave none.</param>
public sealed record ListEntry(
    string RecordId,
    string Uscc,
    ListType ListType,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Department,
    string? LegalBasis = null,
    string? CatalogueItem = null)
{
    public bool IsInForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo.Value);
}

/// <summary>Whether the enterprise went on to a serious-dishonesty listing or default within 12 months (training only).</summary>
public sealed record RiskLabel(string Uscc, bool Risky);

public enum PenaltyKind
{
    Warning,
    Fine,
    Confiscation,
    Suspension,
    LicenceRevoked,
}

public enum ListType
{
    AbnormalOperation,
    SeriousViolation,
    SeriousDishonesty,
    DishonestJudgmentDebtor,
    RedList,
}
