using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Credit;

/// <summary>Rows written to the store since a ledger was built, as read back by their change-feed keys.</summary>
public sealed record CreditLedgerChanges(
    IReadOnlyList<Penalty> Penalties, IReadOnlyList<ListEntry> ListEntries, IReadOnlyList<Commitment> Commitments,
    IReadOnlyList<Inspection> Inspections, IReadOnlyList<CreditRepair> Repairs, IReadOnlyList<Objection> Objections,
    IReadOnlyList<ObjectionOutcome> Outcomes)
{
    public bool IsEmpty =>
        Penalties.Count + ListEntries.Count + Commitments.Count + Inspections.Count + Repairs.Count + Objections.Count + Outcomes.Count == 0;
}

public sealed partial class CreditLedger
{
    private CreditLedger(CreditLedger previous, PatchParts parts)
    {
        _enterpriseCount = previous._enterpriseCount;
        _enterpriseId = previous._enterpriseId;
        AsOf = previous.AsOf;
        Periods = previous.Periods;
        _statuses = previous._statuses;
        (_repairs, _objectionList, _outcomeList) = (parts.Repairs, parts.Objections, parts.Outcomes);
        (_histories, _objections, Outcomes) = (parts.Histories, parts.ObjectionById, parts.OutcomeById);
        (_recordOwner, _ownerOverlay) = (previous._recordOwner, parts.RecordOwner.Overlay);
        _originals = new Dictionary<string, object>(previous._originals, StringComparer.Ordinal);
        _repairedRecord = new Dictionary<string, string>(parts.Repairs.Count, StringComparer.Ordinal);
        foreach (var repair in parts.Repairs) _repairedRecord[repair.RepairId] = repair.RecordId;
        _storedPenalties = previous._storedPenalties.With(parts.StoredPenalties);
        _storedListEntries = previous._storedListEntries.With(parts.StoredListEntries);
        _commitments = previous._commitments.With(parts.Commitments);
        _inspections = previous._inspections.With(parts.InspectionsByOwner);
        // Corrections follow the new histories, so every touched owner's records are corrected again from what is stored.
        var penalties = new Dictionary<int, Penalty[]>();
        var listEntries = new Dictionary<int, ListEntry[]>();
        foreach (int owner in parts.Owners)
        {
            penalties[owner] = Recorrect(_storedPenalties.Of(owner), Corrected);
            listEntries[owner] = Recorrect(_storedListEntries.Of(owner), Corrected);
        }
        _penalties = previous._penalties.With(penalties);
        _listEntries = previous._listEntries.With(listEntries);
    }

    /// <summary>
    /// This ledger with the written rows applied (replaced by key or added), on the same day: what a full rebuild from
    /// the store would give, at the cost of the touched enterprises plus a copy of references. <paramref name="touched"/>
    /// gets every enterprise whose records or their statuses may have changed.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A row names an enterprise (or a record) this ledger does not hold.</exception>
    public CreditLedger Patch(CreditLedgerChanges changes, out int[] touched)
    {
        var owners = new SortedSet<int>();
        var parts = new PatchParts
        {
            Repairs = Merge(_repairs, changes.Repairs, r => r.RepairId),
            Objections = Merge(_objectionList, changes.Objections, o => o.ObjectionId),
            Outcomes = Merge(_outcomeList, changes.Outcomes, o => o.ObjectionId),
            RecordOwner = new OwnerIndex(_recordOwner, _ownerOverlay),
        };
        parts.ObjectionById = new Dictionary<string, Objection>(_objections, StringComparer.Ordinal);
        foreach (var o in changes.Objections) parts.ObjectionById[o.ObjectionId] = o;
        parts.OutcomeById = new Dictionary<string, ObjectionOutcome>(Outcomes, StringComparer.Ordinal);
        foreach (var o in changes.Outcomes) parts.OutcomeById[o.ObjectionId] = o;

        parts.StoredPenalties = Regroup(_storedPenalties, changes.Penalties, p => p.RecordId, p => p.Uscc, parts.RecordOwner, owners);
        parts.StoredListEntries = Regroup(_storedListEntries, changes.ListEntries, l => l.RecordId, l => l.Uscc, parts.RecordOwner, owners);
        parts.Commitments = Regroup(_commitments, changes.Commitments, c => c.CommitmentId, c => c.Uscc, null, owners);
        parts.InspectionsByOwner = Regroup(_inspections, changes.Inspections, i => i.InspectionId, i => i.Uscc, null, owners);

        // A repair or an objection changes the history, and so the status, of the record it names.
        var histories = new Dictionary<string, RecordHistory>(_histories, StringComparer.Ordinal);
        var rebuilt = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in changes.Repairs) rebuilt.Add(r.RecordId);
        foreach (var o in changes.Objections) rebuilt.Add(o.RecordId);
        foreach (var o in changes.Outcomes)
        {
            if (parts.ObjectionById.TryGetValue(o.ObjectionId, out var objection)) rebuilt.Add(objection.RecordId);
        }
        foreach (string record in rebuilt)
        {
            histories.Remove(record);
            if (parts.RecordOwner.TryGetValue(record, out int owner)) owners.Add(owner);
        }
        foreach (var repair in parts.Repairs)
        {
            if (rebuilt.Contains(repair.RecordId)) HistoryIn(histories, repair.RecordId).Add(repair);
        }
        foreach (var objection in parts.Objections)
        {
            if (rebuilt.Contains(objection.RecordId))
                HistoryIn(histories, objection.RecordId).Add(objection, parts.OutcomeById.GetValueOrDefault(objection.ObjectionId));
        }
        foreach (string record in rebuilt) histories.GetValueOrDefault(record)?.Sort();
        parts.Histories = histories;
        parts.Owners = owners;
        touched = [.. owners];
        return new CreditLedger(this, parts);
    }

    /// <summary>
    /// The new items of every owner that gains, loses or changes a row. A row moved to another enterprise leaves its
    /// old owner; rows keep the store's key order within an owner, as a full load reads them.
    /// </summary>
    private Dictionary<int, T[]> Regroup<T>(
        Grouped<T> grouped, IReadOnlyList<T> written, Func<T, string> keyOf, Func<T, string> usccOf, OwnerIndex? recordOwner,
        SortedSet<int> owners)
    {
        var result = new Dictionary<int, T[]>();
        if (written.Count == 0) return result;
        var writtenKeys = new HashSet<string>(StringComparer.Ordinal);
        var local = new HashSet<int>();
        // The written rows of each owner, found once: a batch of thousands must not be scanned once per owner.
        var writtenBy = new Dictionary<int, List<T>>();
        foreach (var row in written)
        {
            writtenKeys.Add(keyOf(row));
            int owner = _enterpriseId(usccOf(row));
            local.Add(owner);
            if (!writtenBy.TryGetValue(owner, out var own)) writtenBy[owner] = own = [];
            own.Add(row);
            if (recordOwner is not null)
            {
                if (recordOwner.TryGetValue(keyOf(row), out int previous)) local.Add(previous);
                recordOwner[keyOf(row)] = owner;
            }
        }
        if (recordOwner is null) AddPreviousOwners(grouped, writtenKeys, keyOf, local);
        foreach (int owner in local)
        {
            var items = new List<T>();
            foreach (var item in grouped.Of(owner))
            {
                if (!writtenKeys.Contains(keyOf(item))) items.Add(item);
            }
            if (writtenBy.TryGetValue(owner, out var own)) items.AddRange(own);
            items.Sort((a, b) => string.CompareOrdinal(keyOf(a), keyOf(b)));
            result[owner] = [.. items];
            owners.Add(owner);
        }
        return result;
    }

    // Commitments and inspections have no owner index: the rare row moved to another enterprise is found by one scan.
    private void AddPreviousOwners<T>(Grouped<T> grouped, HashSet<string> writtenKeys, Func<T, string> keyOf, HashSet<int> owners)
    {
        for (int owner = 0; owner < grouped.Owners; owner++)
        {
            foreach (var item in grouped.Of(owner))
            {
                if (writtenKeys.Contains(keyOf(item))) owners.Add(owner);
            }
        }
    }

    private static T[] Recorrect<T>(ReadOnlySpan<T> stored, Func<T, T> corrected)
    {
        var items = new T[stored.Length];
        for (int i = 0; i < items.Length; i++) items[i] = corrected(stored[i]);
        return items;
    }

    private static List<T> Merge<T>(IReadOnlyList<T> existing, IReadOnlyList<T> written, Func<T, string> keyOf)
    {
        var merged = new List<T>(existing.Count + written.Count);
        if (written.Count == 0)
        {
            merged.AddRange(existing);
            return merged;
        }
        var replacements = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var row in written) replacements[keyOf(row)] = row;
        foreach (var row in existing)
        {
            merged.Add(replacements.Remove(keyOf(row), out var replacement) ? replacement : row);
        }
        foreach (var row in written)
        {
            if (replacements.Remove(keyOf(row), out var added)) merged.Add(added);
        }
        return merged;
    }

    private static RecordHistory HistoryIn(Dictionary<string, RecordHistory> histories, string recordId)
    {
        if (!histories.TryGetValue(recordId, out var history)) histories[recordId] = history = new RecordHistory();
        return history;
    }

    /// <summary>The shared owner index of the ledger built from the store, with this patch's own additions on top.</summary>
    private sealed class OwnerIndex(Dictionary<string, int> shared, Dictionary<string, int>? previousOverlay)
    {
        public Dictionary<string, int> Overlay { get; } =
            previousOverlay is null ? new(StringComparer.Ordinal) : new(previousOverlay, StringComparer.Ordinal);

        public bool TryGetValue(string recordId, out int owner) => Overlay.TryGetValue(recordId, out owner) || shared.TryGetValue(recordId, out owner);

        public int this[string recordId] { set => Overlay[recordId] = value; }
    }

    private sealed class PatchParts
    {
        public required List<CreditRepair> Repairs { get; init; }
        public required List<Objection> Objections { get; init; }
        public required List<ObjectionOutcome> Outcomes { get; init; }
        public required OwnerIndex RecordOwner { get; init; }
        public Dictionary<string, Objection> ObjectionById { get; set; } = [];
        public Dictionary<string, ObjectionOutcome> OutcomeById { get; set; } = [];
        public Dictionary<string, RecordHistory> Histories { get; set; } = [];
        public Dictionary<int, Penalty[]> StoredPenalties { get; set; } = [];
        public Dictionary<int, ListEntry[]> StoredListEntries { get; set; } = [];
        public Dictionary<int, Commitment[]> Commitments { get; set; } = [];
        public Dictionary<int, Inspection[]> InspectionsByOwner { get; set; } = [];
        public SortedSet<int> Owners { get; set; } = [];
    }
}
