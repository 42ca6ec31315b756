using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;

namespace RiskGraph.Api.Contracts;

/// <summary>The four-class credit class with the rule that decided it and the records that triggered it.</summary>
/// <param name="Class">good, warning, dishonest or seriously_dishonest.</param>
/// <param name="Colour">green, yellow, red or black.</param>
public sealed record CreditClassResponse(string Class, string ChineseName, string Colour, RuleResponse DecisiveRule, IReadOnlyList<RuleResponse> MatchedRules);

public sealed record RuleResponse(string Id, string Description, string Basis, IReadOnlyList<string> RecordIds);

/// <param name="Original">The values first stored, for a record an objection corrected; only in the credit officer's view.</param>
public sealed record PenaltyResponse(
    string RecordId, string Kind, double Amount, DateOnly DecisionDate, DateOnly PublicationDate, string Department, string? CatalogueItem, string Status,
    CorrectionResponse? Original = null);

public sealed record ListEntryResponse(
    string RecordId, string ListType, DateOnly ValidFrom, DateOnly? ValidTo, string Department, string? LegalBasis, string? CatalogueItem, string Status,
    CorrectionResponse? Original = null);

/// <summary>Values of a record: the corrected ones on an outcome, the original ones on a corrected record.</summary>
public sealed record CorrectionResponse(
    string? Kind = null, double? Amount = null, DateOnly? DecisionDate = null, DateOnly? PublicationDate = null, DateOnly? ValidFrom = null, DateOnly? ValidTo = null);

public sealed record CommitmentResponse(string CommitmentId, string Type, string Matter, DateOnly MadeOn, string Fulfilment, string Department);

/// <summary>A repair; outside the credit officer's view only <c>decided_at</c> is given (the record is no longer published).</summary>
public sealed record RepairResponse(string? RepairId, string? RecordId, string? Method, string? DecidedBy, string? Reason, DateTimeOffset DecidedAt);

public sealed record ObjectionResponse(
    string ObjectionId, string RecordId, string FiledBy, string Reason, DateTimeOffset FiledAt, string Status, ObjectionOutcomeResponse? Outcome);

public sealed record ObjectionOutcomeResponse(string Result, string DecidedBy, string Note, DateTimeOffset DecidedAt, CorrectionResponse? Correction = null);

/// <summary>An enterprise's credit file: published penalties and list entries, commitments, repairs and objections.</summary>
public sealed record CreditResponse(
    string Uscc, string Name, DateOnly AsOf, CreditClassResponse CreditClass, IReadOnlyList<PenaltyResponse> Penalties,
    IReadOnlyList<ListEntryResponse> ListEntries, IReadOnlyList<CommitmentResponse> Commitments,
    IReadOnlyList<RepairResponse> Repairs, IReadOnlyList<ObjectionResponse> Objections, GroupMembershipResponse? Group = null);

/// <param name="Method">commitment, credit_report, training or rectification.</param>
/// <param name="DecidedBy">Ignored: the decision is recorded under the authenticated principal and its department.</param>
public sealed record RepairRequest(string? RecordId, string? Method, string? DecidedBy, string? Reason);

public sealed record ObjectionRequest(string? RecordId, string? FiledBy, string? Reason);

/// <param name="Result">upheld, corrected or revoked.</param>
/// <param name="DecidedBy">Ignored: the decision is recorded under the authenticated principal and its department.</param>
/// <param name="Correction">Required with corrected: the corrected values (kind, amount and dates of a penalty, valid_from/valid_to of a list entry).</param>
public sealed record ObjectionOutcomeRequest(string? Result, string? DecidedBy, string? Note, CorrectionRequest? Correction = null);

public sealed record CorrectionRequest(
    string? Kind = null, double? Amount = null, DateOnly? DecisionDate = null, DateOnly? PublicationDate = null, DateOnly? ValidFrom = null, DateOnly? ValidTo = null);

/// <summary>What a repair or objection changed.</summary>
/// <param name="DecidedBy">The principal the change is recorded under: "name (department)".</param>
/// <param name="Sequence">The change-feed number the store gave the write (it is durably stored).</param>
/// <param name="Reflected">Whether every served output already shows the write; when false, they will once the state reloads.</param>
public sealed record RecordChangeResponse(
    string Id, string RecordId, string Uscc, string RecordStatus, CreditClassResponse CreditClass, string DecidedBy, long Sequence, bool Reflected);

public static class CreditContracts
{
    public static CreditClassResponse ToCreditClassResponse(this CreditClassification classification) => new(
        classification.Class.Name(), classification.Class.ChineseName(), classification.Class.Colour(),
        ToRuleResponse(classification.Decisive), classification.Matches.Select(ToRuleResponse).ToArray());

    public static PenaltyResponse ToPenaltyResponse(this Penalty p, RecordStatus status) =>
        new(p.RecordId, p.Kind.Name(), p.Amount, p.DecisionDate, p.PublicationDate, p.Department, p.CatalogueItem, status.Name());

    public static ListEntryResponse ToListEntryResponse(this ListEntry l, RecordStatus status) =>
        new(l.RecordId, l.ListType.Name(), l.ValidFrom, l.ValidTo, l.Department, l.LegalBasis, l.CatalogueItem, status.Name());

    public static PenaltyResponse ToPenaltyResponse(this FilePenalty p) =>
        p.Penalty.ToPenaltyResponse(p.Status) with { Original = p.Original is { } o ? new(o.Kind.Name(), o.Amount, o.DecisionDate, o.PublicationDate) : null };

    public static ListEntryResponse ToListEntryResponse(this FileListEntry l) =>
        l.Entry.ToListEntryResponse(l.Status) with { Original = l.Original is { } o ? new(ValidFrom: o.ValidFrom, ValidTo: o.ValidTo) : null };

    public static RepairResponse ToRepairResponse(this RepairNotice n) =>
        n.Repair is { } r ? r.ToRepairResponse() : new RepairResponse(null, null, null, null, null, n.RepairedAt);

    public static CorrectionResponse? ToCorrectionResponse(this RecordCorrection? c) =>
        c is null ? null : new(c.Kind?.Name(), c.Amount, c.DecisionDate, c.PublicationDate, c.ValidFrom, c.ValidTo);

    public static CommitmentResponse ToCommitmentResponse(this Commitment c) =>
        new(c.CommitmentId, c.Type.Name(), c.Matter, c.MadeOn, c.Fulfilment.Name(), c.Department);

    public static RepairResponse ToRepairResponse(this CreditRepair r) => new(r.RepairId, r.RecordId, r.Method.Name(), r.DecidedBy, r.Reason, r.DecidedAt);

    public static ObjectionResponse ToObjectionResponse(this Objection o, ObjectionOutcome? outcome) => new(
        o.ObjectionId, o.RecordId, o.FiledBy, o.Reason, o.FiledAt, outcome is null ? "pending" : "decided",
        outcome is null ? null : new ObjectionOutcomeResponse(outcome.Result.Name(), outcome.DecidedBy, outcome.Note, outcome.DecidedAt,
            outcome.Correction.ToCorrectionResponse()));

    private static RuleResponse ToRuleResponse(RuleMatch match) => new(match.Rule.Id, match.Rule.Description, match.Rule.Basis, match.RecordIds);
}
