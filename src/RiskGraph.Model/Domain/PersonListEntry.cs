namespace RiskGraph.Model.Domain;

/// <summary>
/// An entry on a list of natural persons (R9, R187, R189), keyed like <see cref="Person"/> by the keyed hash of the
/// ID number only: the number itself is never stored. The person need not be linked to any enterprise.
/// </summary>
public sealed record PersonListEntry(
    string RecordId, string PersonKey, PersonListType ListType, DateOnly ValidFrom, DateOnly? ValidTo, string Department, string? LegalBasis = null)
{
    public bool IsInForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo.Value);
}

public enum PersonListType
{
    /// <summary>失信被执行人 who is a natural person.</summary>
    DishonestJudgmentDebtor,

    /// <summary>A person barred from serving as legal representative, director or executive.</summary>
    RestrictedExecutive,
}
