namespace RiskGraph.Model.Domain;

/// <summary>An administrative penalty decision (行政处罚), keyed by its decision number.</summary>
public sealed record Penalty(
    string RecordId,
    string Uscc,
    PenaltyKind Kind,
    double Amount,
    DateOnly DecisionDate,
    DateOnly PublicationDate,
    string Department);

/// <summary>An entry on a credit list, in force from <paramref name="ValidFrom"/> until <paramref name="ValidTo"/> (open when null).</summary>
public sealed record ListEntry(
    string RecordId,
    string Uscc,
    ListType ListType,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Department)
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
