using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Credit;

/// <summary>
/// Every enterprise's credit records grouped by dense enterprise id (offset arrays, as in the CSR graph), with each
/// record's status derived as of one day. Records corrected by an objection are held at their corrected values, so
/// every reader (classes, features, checks, lists) counts them there; the values as stored stay in <see cref="OriginalOf"/>.
/// </summary>
public sealed partial class CreditLedger
{
    private readonly int _enterpriseCount;
    private readonly Func<string, int> _enterpriseId;
    // Records as stored (before corrections), grouped by owner: what a patch or a re-evaluation on another day starts from.
    private readonly Grouped<Penalty> _storedPenalties;
    private readonly Grouped<ListEntry> _storedListEntries;
    private readonly Grouped<Penalty> _penalties;
    private readonly Grouped<ListEntry> _listEntries;
    private readonly Grouped<Commitment> _commitments;
    private readonly Grouped<Inspection> _inspections;
    private readonly IReadOnlyList<CreditRepair> _repairs;
    private readonly IReadOnlyList<Objection> _objectionList;
    private readonly IReadOnlyList<ObjectionOutcome> _outcomeList;
    private readonly Dictionary<string, RecordHistory> _histories;
    private readonly Dictionary<string, int> _recordOwner;
    // Owners of records written since the ledger was built from the store: patches add here instead of copying the
    // whole index (a rebuild folds them in).
    private readonly Dictionary<string, int>? _ownerOverlay;
    private readonly Dictionary<string, Objection> _objections;
    private readonly Dictionary<string, string> _repairedRecord;
    private readonly Dictionary<string, object> _originals;
    private readonly EnterpriseStatus[] _statuses;

    public CreditLedger(
        int enterpriseCount, Func<string, int> enterpriseId, DateOnly asOf,
        IReadOnlyList<Penalty> penalties, IReadOnlyList<ListEntry> listEntries, IReadOnlyList<Commitment> commitments,
        IReadOnlyList<CreditRepair> repairs, IReadOnlyList<Objection> objections, IReadOnlyList<ObjectionOutcome> outcomes,
        PublicationPeriods? periods = null, IReadOnlyList<EnterpriseStatus>? statuses = null, IReadOnlyList<Inspection>? inspections = null)
    {
        _enterpriseCount = enterpriseCount;
        _enterpriseId = enterpriseId;
        AsOf = asOf;
        Periods = periods ?? PublicationPeriods.Default;
        _statuses = statuses?.ToArray() ?? new EnterpriseStatus[enterpriseCount];
        (_repairs, _objectionList, _outcomeList) = (repairs, objections, outcomes);
        _histories = new Dictionary<string, RecordHistory>(StringComparer.Ordinal);
        Outcomes = outcomes.ToDictionary(o => o.ObjectionId, StringComparer.Ordinal);
        foreach (var repair in repairs) History(repair.RecordId).Add(repair);
        _repairedRecord = new Dictionary<string, string>(repairs.Count, StringComparer.Ordinal);
        foreach (var repair in repairs) _repairedRecord[repair.RepairId] = repair.RecordId;
        foreach (var objection in objections) History(objection.RecordId).Add(objection, Outcomes.GetValueOrDefault(objection.ObjectionId));
        foreach (var history in _histories.Values) history.Sort();
        _originals = new Dictionary<string, object>(StringComparer.Ordinal);
        _storedPenalties = new Grouped<Penalty>(enterpriseCount, penalties, p => enterpriseId(p.Uscc));
        _storedListEntries = new Grouped<ListEntry>(enterpriseCount, listEntries, l => enterpriseId(l.Uscc));
        _penalties = _storedPenalties.Select(Corrected);
        _listEntries = _storedListEntries.Select(Corrected);
        _commitments = new Grouped<Commitment>(enterpriseCount, commitments, c => enterpriseId(c.Uscc));
        _inspections = new Grouped<Inspection>(enterpriseCount, inspections ?? [], i => enterpriseId(i.Uscc));
        _recordOwner = new Dictionary<string, int>(penalties.Count + listEntries.Count, StringComparer.Ordinal);
        foreach (var p in penalties) _recordOwner[p.RecordId] = enterpriseId(p.Uscc);
        foreach (var l in listEntries) _recordOwner[l.RecordId] = enterpriseId(l.Uscc);
        _objections = objections.ToDictionary(o => o.ObjectionId, StringComparer.Ordinal);
    }

    internal IReadOnlyDictionary<string, ObjectionOutcome> Outcomes { get; private init; }

    /// <summary>The publication period per penalty kind the statuses are derived with.</summary>
    public PublicationPeriods Periods { get; }

    /// <summary>The same records evaluated on another day (e.g. a list "as of" a past date).</summary>
    public CreditLedger At(DateOnly day) => day == AsOf ? this : new CreditLedger(
        _enterpriseCount, _enterpriseId, day, _storedPenalties.All(), _storedListEntries.All(), _commitments.All(), _repairs, _objectionList,
        _outcomeList, Periods, _statuses, _inspections.All());

    /// <summary>The enterprise id owning a penalty or list entry, or -1.</summary>
    public int OwnerOf(string recordId) =>
        _ownerOverlay is not null && _ownerOverlay.TryGetValue(recordId, out int owner) ? owner : _recordOwner.GetValueOrDefault(recordId, -1);

    /// <summary>The penalty or list entry as stored, before any correction; null when it was never corrected.</summary>
    public object? OriginalOf(string recordId) => _originals.GetValueOrDefault(recordId);

    public EnterpriseStatus EnterpriseStatusOf(int enterprise) => _statuses[enterprise];

    /// <summary>The current status of the penalty or list entry with this id, or null when there is none.</summary>
    public RecordStatus? StatusOf(string recordId)
    {
        int owner = OwnerOf(recordId);
        if (owner < 0) return null;
        foreach (var p in PenaltiesOf(owner)) if (p.RecordId == recordId) return StatusOf(p);
        foreach (var l in ListEntriesOf(owner)) if (l.RecordId == recordId) return StatusOf(l);
        return null;
    }

    /// <summary>The record a repair (by its repair id, as the change feed names it) withdrew, or null.</summary>
    public string? RecordOfRepair(string repairId) => _repairedRecord.GetValueOrDefault(repairId);

    public Objection? FindObjection(string objectionId) => _objections.GetValueOrDefault(objectionId);

    public ObjectionOutcome? OutcomeOf(string objectionId) => Outcomes.GetValueOrDefault(objectionId);

    /// <summary>The day statuses are derived on: the clock's date when served, not the latest record in the store.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The enterprise's penalties, corrected ones at their corrected values.</summary>
    public ReadOnlySpan<Penalty> PenaltiesOf(int enterprise) => _penalties.Of(enterprise);

    public ReadOnlySpan<ListEntry> ListEntriesOf(int enterprise) => _listEntries.Of(enterprise);

    public ReadOnlySpan<Commitment> CommitmentsOf(int enterprise) => _commitments.Of(enterprise);

    public ReadOnlySpan<Inspection> InspectionsOf(int enterprise) => _inspections.Of(enterprise);

    /// <summary>
    /// An inspection result counts from its day for the default publication period (it is a performance record,
    /// and the seeds give it no period of its own).
    /// </summary>
    public bool IsPublished(Inspection inspection) =>
        inspection.InspectedOn <= AsOf && inspection.InspectedOn > AsOf.AddYears(-PublicationPeriods.DefaultYears);

    public RecordHistory? HistoryOf(string recordId) => _histories.GetValueOrDefault(recordId);

    /// <summary>Pass a penalty read from this ledger (at its corrected values), not one read from the store.</summary>
    public RecordStatus StatusOf(Penalty penalty)
    {
        var history = HistoryOf(penalty.RecordId);
        if (history?.Withdrawal is { } withdrawn) return withdrawn;
        if (penalty.DecisionDate > AsOf) return RecordStatus.Expired;
        // Seed 001 makes 「被依法责令停产停业,吊销营业执照或许可证」 a seriously-dishonest criterion: a revoked licence
        // is a standing state, not an event that ages out, so it counts until it is reversed (revoked or repaired).
        if (penalty.Kind != PenaltyKind.LicenceRevoked && penalty.DecisionDate <= AsOf.AddYears(-Periods.YearsFor(penalty.Kind)))
            return RecordStatus.Expired;
        return Standing(history);
    }

    public RecordStatus StatusOf(ListEntry entry)
    {
        var history = HistoryOf(entry.RecordId);
        if (history?.Withdrawal is { } withdrawn) return withdrawn;
        if (!entry.IsInForceOn(AsOf)) return RecordStatus.Expired;
        return Standing(history);
    }

    private static RecordStatus Standing(RecordHistory? history) =>
        history?.IsContested == true ? RecordStatus.Contested
        : history?.IsCorrected == true ? RecordStatus.Corrected
        : RecordStatus.Active;

    /// <summary>Active, contested or corrected: a contested record stands until its objection is decided.</summary>
    public bool IsPublished(Penalty penalty) => StatusOf(penalty).IsPublished();

    public bool IsPublished(ListEntry entry) => StatusOf(entry).IsPublished();

    private Penalty Corrected(Penalty penalty)
    {
        if (HistoryOf(penalty.RecordId)?.Correction is not { } correction) return penalty;
        _originals[penalty.RecordId] = penalty;
        return correction.ApplyTo(penalty);
    }

    private ListEntry Corrected(ListEntry entry)
    {
        if (HistoryOf(entry.RecordId)?.Correction is not { } correction) return entry;
        _originals[entry.RecordId] = entry;
        return correction.ApplyTo(entry);
    }

    private RecordHistory History(string recordId)
    {
        if (!_histories.TryGetValue(recordId, out var history)) _histories[recordId] = history = new RecordHistory();
        return history;
    }
}
