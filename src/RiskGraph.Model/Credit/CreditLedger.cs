using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Credit;

/// <summary>
/// Every enterprise's credit records grouped by dense enterprise id (offset arrays, as in the CSR graph), with each
/// record's status derived as of one day. Published outputs read only <see cref="IsPublished(Penalty)"/> records.
/// </summary>
public sealed class CreditLedger
{
    /// <summary>A penalty is published for this many years after its decision (then it expires).</summary>
    public const int PenaltyPublicityYears = 3;

    private readonly Grouped<Penalty> _penalties;
    private readonly Grouped<ListEntry> _listEntries;
    private readonly Grouped<Commitment> _commitments;
    private readonly Dictionary<string, RecordHistory> _histories;
    private readonly Dictionary<string, int> _recordOwner;
    private readonly Dictionary<string, Objection> _objections;

    public CreditLedger(
        int enterpriseCount, Func<string, int> enterpriseId, DateOnly asOf,
        IReadOnlyList<Penalty> penalties, IReadOnlyList<ListEntry> listEntries, IReadOnlyList<Commitment> commitments,
        IReadOnlyList<CreditRepair> repairs, IReadOnlyList<Objection> objections, IReadOnlyList<ObjectionOutcome> outcomes)
    {
        AsOf = asOf;
        _penalties = new Grouped<Penalty>(enterpriseCount, penalties, p => enterpriseId(p.Uscc));
        _listEntries = new Grouped<ListEntry>(enterpriseCount, listEntries, l => enterpriseId(l.Uscc));
        _commitments = new Grouped<Commitment>(enterpriseCount, commitments, c => enterpriseId(c.Uscc));
        _histories = new Dictionary<string, RecordHistory>(StringComparer.Ordinal);
        foreach (var repair in repairs) History(repair.RecordId).Add(repair);
        var outcomeById = outcomes.ToDictionary(o => o.ObjectionId, StringComparer.Ordinal);
        foreach (var objection in objections) History(objection.RecordId).Add(objection, outcomeById.GetValueOrDefault(objection.ObjectionId));
        foreach (var history in _histories.Values) history.Sort();
        _recordOwner = new Dictionary<string, int>(penalties.Count + listEntries.Count, StringComparer.Ordinal);
        foreach (var p in penalties) _recordOwner[p.RecordId] = enterpriseId(p.Uscc);
        foreach (var l in listEntries) _recordOwner[l.RecordId] = enterpriseId(l.Uscc);
        _objections = objections.ToDictionary(o => o.ObjectionId, StringComparer.Ordinal);
        Outcomes = outcomeById;
    }

    internal IReadOnlyDictionary<string, ObjectionOutcome> Outcomes { get; }

    /// <summary>The enterprise id owning a penalty or list entry, or -1.</summary>
    public int OwnerOf(string recordId) => _recordOwner.GetValueOrDefault(recordId, -1);

    /// <summary>The current status of the penalty or list entry with this id, or null when there is none.</summary>
    public RecordStatus? StatusOf(string recordId)
    {
        int owner = OwnerOf(recordId);
        if (owner < 0) return null;
        foreach (var p in PenaltiesOf(owner)) if (p.RecordId == recordId) return StatusOf(p);
        foreach (var l in ListEntriesOf(owner)) if (l.RecordId == recordId) return StatusOf(l);
        return null;
    }

    public Objection? FindObjection(string objectionId) => _objections.GetValueOrDefault(objectionId);

    public ObjectionOutcome? OutcomeOf(string objectionId) => Outcomes.GetValueOrDefault(objectionId);

    public DateOnly AsOf { get; }

    public ReadOnlySpan<Penalty> PenaltiesOf(int enterprise) => _penalties.Of(enterprise);

    public ReadOnlySpan<ListEntry> ListEntriesOf(int enterprise) => _listEntries.Of(enterprise);

    public ReadOnlySpan<Commitment> CommitmentsOf(int enterprise) => _commitments.Of(enterprise);

    public RecordHistory? HistoryOf(string recordId) => _histories.GetValueOrDefault(recordId);

    public RecordStatus StatusOf(Penalty penalty)
    {
        var history = HistoryOf(penalty.RecordId);
        if (history?.Withdrawal is { } withdrawn) return withdrawn;
        if (penalty.DecisionDate > AsOf || penalty.DecisionDate <= AsOf.AddYears(-PenaltyPublicityYears)) return RecordStatus.Expired;
        return history?.IsContested == true ? RecordStatus.Contested : RecordStatus.Active;
    }

    public RecordStatus StatusOf(ListEntry entry)
    {
        var history = HistoryOf(entry.RecordId);
        if (history?.Withdrawal is { } withdrawn) return withdrawn;
        if (!entry.IsInForceOn(AsOf)) return RecordStatus.Expired;
        return history?.IsContested == true ? RecordStatus.Contested : RecordStatus.Active;
    }

    /// <summary>Active or contested: a contested record stands until its objection is decided.</summary>
    public bool IsPublished(Penalty penalty) => StatusOf(penalty) is RecordStatus.Active or RecordStatus.Contested;

    public bool IsPublished(ListEntry entry) => StatusOf(entry) is RecordStatus.Active or RecordStatus.Contested;

    private RecordHistory History(string recordId)
    {
        if (!_histories.TryGetValue(recordId, out var history)) _histories[recordId] = history = new RecordHistory();
        return history;
    }

    /// <summary>Records sorted stably by owner into one array with offsets.</summary>
    private sealed class Grouped<T>
    {
        private readonly T[] _items;
        private readonly int[] _start;

        public Grouped(int owners, IReadOnlyList<T> items, Func<T, int> ownerOf)
        {
            _start = new int[owners + 1];
            var owner = new int[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                owner[i] = ownerOf(items[i]);
                _start[owner[i] + 1]++;
            }
            for (int o = 0; o < owners; o++) _start[o + 1] += _start[o];
            _items = new T[items.Count];
            var cursor = _start[..owners];
            for (int i = 0; i < items.Count; i++) _items[cursor[owner[i]]++] = items[i];
        }

        public ReadOnlySpan<T> Of(int owner) => _items.AsSpan(_start[owner], _start[owner + 1] - _start[owner]);
    }
}
