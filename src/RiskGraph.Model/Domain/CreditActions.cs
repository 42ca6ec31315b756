namespace RiskGraph.Model.Domain;

// Repairs, objections and commitments are immutable facts, appended and never updated: a record's current
// status is derived from them, so the full history (who, when, why) stays in the store for archive and audit.

/// <summary>A credit repair (信用修复) decided for one penalty or list entry: from then on the record is withdrawn from every published output.</summary>
/// <param name="RecordId">The repaired penalty's or list entry's record id.</param>
/// <param name="DecidedBy">The department that decided the repair.</param>
public sealed record CreditRepair(
    string RepairId, string RecordId, RepairMethod Method, string DecidedBy, string Reason, DateTimeOffset DecidedAt);

/// <summary>An objection (异议) filed against a record; while it has no outcome, the record is contested.</summary>
public sealed record Objection(string ObjectionId, string RecordId, string FiledBy, string Reason, DateTimeOffset FiledAt);

/// <summary>
/// The outcome of an objection: upheld (the record stands), corrected (the record stands at the corrected values of
/// <paramref name="Correction"/>) or revoked (the record is withdrawn). Seed 004 says 更正或撤销: correcting is not deleting.
/// </summary>
public sealed record ObjectionOutcome(
    string ObjectionId, ObjectionResult Result, string DecidedBy, string Note, DateTimeOffset DecidedAt, RecordCorrection? Correction = null);

/// <summary>
/// The corrected values of a record; a null value was not corrected. Penalties take kind, amount and both dates;
/// list entries take the validity dates (a correction can set an end date, not remove one).
/// </summary>
public sealed record RecordCorrection(
    PenaltyKind? Kind = null, double? Amount = null, DateOnly? DecisionDate = null, DateOnly? PublicationDate = null,
    DateOnly? ValidFrom = null, DateOnly? ValidTo = null)
{
    public bool IsEmpty => Kind is null && Amount is null && DecisionDate is null && PublicationDate is null && ValidFrom is null && ValidTo is null;

    public Penalty ApplyTo(Penalty penalty) => penalty with
    {
        Kind = Kind ?? penalty.Kind,
        Amount = Amount ?? penalty.Amount,
        DecisionDate = DecisionDate ?? penalty.DecisionDate,
        PublicationDate = PublicationDate ?? penalty.PublicationDate,
    };

    public ListEntry ApplyTo(ListEntry entry) => entry with { ValidFrom = ValidFrom ?? entry.ValidFrom, ValidTo = ValidTo ?? entry.ValidTo };
}

/// <summary>A credit commitment (信用承诺) and whether it was kept.</summary>
/// <param name="Matter">What was committed to, e.g. the approval item.</param>
public sealed record Commitment(
    string CommitmentId, string Uscc, CommitmentType Type, string Matter, DateOnly MadeOn, Fulfilment Fulfilment, string Department);

public enum RepairMethod
{
    Commitment,
    CreditReport,
    Training,
    Rectification,
}

public enum ObjectionResult
{
    Upheld,
    Corrected,
    Revoked,
}

public enum CommitmentType
{
    SelfDisclosure,
    CreditRepair,
    IndustrySelfDiscipline,
    NotificationApproval,
}

public enum Fulfilment
{
    Pending,
    Fulfilled,
    Breached,
}
