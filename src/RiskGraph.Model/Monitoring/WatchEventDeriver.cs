using System.Collections.Concurrent;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Serving;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Monitoring;

/// <summary>
/// Derives the risk events of one serving transition for every watch list, from what the transition already holds:
/// the change-feed keys (records, relations, decisions) and the before/after classes and scores, compared in one pass
/// over the enterprise arrays. Nothing is recomputed but the ultimate controllers of enterprises whose shareholdings
/// were written and the reasons of enterprises whose level crossed.
/// </summary>
public sealed partial class WatchEventDeriver
{
    private readonly ServingTransition _t;
    private readonly GraphSnapshot _after;
    private readonly GraphSnapshot? _before;
    // After-id → before-id, or null when both states share one id map (an in-place change): the identity.
    private readonly int[]? _beforeMap;
    private readonly IReadOnlyList<WatchedList> _lists;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _recordEventLists;
    private readonly List<HistoryPoint> _history = [];
    private readonly Dictionary<int, List<string>> _causes = [];

    private WatchEventDeriver(ServingTransition t, IReadOnlyList<WatchedList> lists, IReadOnlyDictionary<string, IReadOnlyList<string>> recordEventLists)
    {
        _t = t;
        _after = t.After.Snapshot ?? throw new ArgumentException("The transition serves no snapshot.", nameof(t));
        _before = t.Before?.Snapshot;
        _beforeMap = _before is null || ReferenceEquals(_before.Ids, _after.Ids) ? null : BeforeIds(_before, _after);
        _lists = lists;
        _recordEventLists = recordEventLists;
    }

    /// <param name="recordEventLists">For each record the transition withdraws (<see cref="WithdrawnRecords"/>), the lists that had an event from it.</param>
    public static WatchDerivation Derive(
        ServingTransition transition, IReadOnlyList<WatchedList> lists, IReadOnlyDictionary<string, IReadOnlyList<string>> recordEventLists) =>
        Derive(transition, lists, recordEventLists, ParallelRenderingFrom);

    /// <param name="parallelFrom">Events from which they are written on every core (tests set it to compare both ways).</param>
    internal static WatchDerivation Derive(ServingTransition transition, IReadOnlyList<WatchedList> lists,
        IReadOnlyDictionary<string, IReadOnlyList<string>> recordEventLists, int parallelFrom)
    {
        var deriver = new WatchEventDeriver(transition, lists, recordEventLists);
        try
        {
            deriver.FromChanges();
            deriver.Crossings();
            return new WatchDerivation(deriver.Render(parallelFrom), deriver._history);
        }
        finally
        {
            deriver._fieldsWriter.Dispose();
        }
    }

    /// <summary>The penalties and list entries a transition withdraws (repaired, or revoked on objection).</summary>
    public static IReadOnlyList<string> WithdrawnRecords(ServingTransition transition)
    {
        var records = new List<string>();
        if (transition.After.Snapshot is not { } after) return records;
        foreach (var change in transition.Changes)
        {
            if (change.Keys is not { } keys) continue;
            foreach (string key in keys)
            {
                string? record = change.RecordType switch
                {
                    nameof(Domain.CreditRepair) => after.Ledger.RecordOfRepair(key),
                    nameof(Domain.ObjectionOutcome) when after.Ledger.OutcomeOf(key)?.Result == Domain.ObjectionResult.Revoked =>
                        after.Ledger.FindObjection(key)?.RecordId,
                    _ => null,
                };
                if (record is not null) records.Add(record);
            }
        }
        return records;
    }

    private void FromChanges()
    {
        HashSet<string>? commitments = null;
        foreach (var change in _t.Changes)
        {
            if (change.Keys is not { } keys) continue;
            foreach (string key in keys)
            {
                switch (change.RecordType)
                {
                    case nameof(Domain.Penalty): PenaltyWritten(change, key); break;
                    case nameof(Domain.ListEntry): ListEntryWritten(change, key); break;
                    case nameof(Domain.Commitment): (commitments ??= new(StringComparer.Ordinal)).Add(key); break;
                    case nameof(Domain.CreditRepair): Withdrawn(change, _after.Ledger.RecordOfRepair(key), "repaired"); break;
                    case nameof(Domain.ObjectionOutcome) when _after.Ledger.OutcomeOf(key)?.Result == Domain.ObjectionResult.Revoked:
                        Withdrawn(change, _after.Ledger.FindObjection(key)?.RecordId, "revoked"); break;
                    case nameof(Domain.Shareholding): ShareholdingWritten(change, key); break;
                    case nameof(Domain.SupplyLink) or nameof(Domain.Guarantee): EnterpriseRelationWritten(change, key); break;
                    case nameof(Domain.LegalRepresentative) or nameof(Domain.Executive): PersonRelationWritten(change, key); break;
                }
            }
            if (commitments is not null) CommitmentsWritten(change, commitments);
            commitments?.Clear();
        }
    }

    private void PenaltyWritten(StoreChange change, string recordId)
    {
        int e = _after.Ledger.OwnerOf(recordId);
        if (e < 0) return;
        Cause(e, recordId);
        // No "was it there before" test: a served snapshot may already hold writes numbered after its sequence, so the
        // state before can show the record already. The event id is the record's, so a penalty sent again or updated
        // derives the same event, which the store keeps once.
        foreach (var p in _after.Ledger.PenaltiesOf(e))
        {
            if (p.RecordId != recordId || !_after.Ledger.IsPublished(p)) continue;
            Emit(e, WatchEventKinds.Penalty, recordId, change.Sequence, change.At, recordId, d => d
                .Text("record_id", p.RecordId).Text("penalty_kind", Domain.DomainNames.Name(p.Kind)).Number("amount", p.Amount)
                .Text("decision_date", p.DecisionDate.ToString("yyyy-MM-dd")).Text("department", p.Department));
        }
    }

    private void ListEntryWritten(StoreChange change, string recordId)
    {
        int e = _after.Ledger.OwnerOf(recordId);
        if (e < 0) return;
        Cause(e, recordId);
        if (FindEntry(_after, e, recordId) is not { } entry) return;
        // As for penalties, the state decides and the id dedupes: in force is an entry, ended is an exit, once each.
        bool inForce = entry.IsInForceOn(_after.AsOf);
        if (!inForce && entry.ValidTo is null) return;
        string kind = inForce ? WatchEventKinds.ListEntry : WatchEventKinds.ListExit;
        Emit(e, kind, recordId, change.Sequence, change.At, recordId, d => d
            .Text("record_id", entry.RecordId).Text("list_type", Domain.DomainNames.Name(entry.ListType))
            .Text("valid_from", entry.ValidFrom.ToString("yyyy-MM-dd")).Text("valid_to", entry.ValidTo?.ToString("yyyy-MM-dd"))
            .Text("department", entry.Department));
    }

    private static Domain.ListEntry? FindEntry(GraphSnapshot snapshot, int e, string recordId)
    {
        foreach (var l in snapshot.Ledger.ListEntriesOf(e)) if (l.RecordId == recordId) return l;
        return null;
    }

    /// <summary>Commitments are keyed by their own id, which the ledger does not index: one pass over the ledger finds them.</summary>
    private void CommitmentsWritten(StoreChange change, HashSet<string> ids)
    {
        for (int e = 0; e < _after.EnterpriseCount; e++)
        {
            foreach (var c in _after.Ledger.CommitmentsOf(e))
            {
                if (!ids.Contains(c.CommitmentId)) continue;
                Cause(e, c.CommitmentId);
                if (c.Fulfilment != Domain.Fulfilment.Breached) continue;
                Emit(e, WatchEventKinds.CommitmentBreached, c.CommitmentId, change.Sequence, change.At, c.CommitmentId, d => d
                    .Text("commitment_id", c.CommitmentId).Text("commitment_type", Domain.DomainNames.Name(c.Type)).Text("matter", c.Matter)
                    .Text("department", c.Department));
            }
        }
    }

    private void Withdrawn(StoreChange change, string? recordId, string how)
    {
        if (recordId is null || !_recordEventLists.TryGetValue(recordId, out var lists)) return;
        int e = _after.Ledger.OwnerOf(recordId);
        if (e < 0) return;
        Cause(e, recordId);
        Emit(e, WatchEventKinds.Withdrawal, recordId, change.Sequence, change.At, recordId,
            d => d.Text("record_id", recordId).Text("withdrawn_by", how), only: lists);
    }

    private void Cause(int e, string key)
    {
        if (!_causes.TryGetValue(e, out var keys)) _causes[e] = keys = [];
        if (keys.Count < 20) keys.Add(key);
    }

    /// <summary>After-id → before-id of every enterprise (-1 for new ones); the identity when both snapshots number nodes alike.</summary>
    private static int[] BeforeIds(GraphSnapshot before, GraphSnapshot after)
    {
        var map = new int[after.EnterpriseCount];
        IdMap a = after.Ids, b = before.Ids;
        int shared = Math.Min(after.EnterpriseCount, before.EnterpriseCount);
        // Independent per enterprise, and a million key comparisons at scale: on every core.
        Parallel.ForEach(Partitioner.Create(0, map.Length, 1 << 16), range =>
        {
            for (int e = range.Item1; e < range.Item2; e++)
            {
                string key = a.KeyOf(e);
                // Node ids are usually stable between reloads: a key comparison avoids the dictionary in the common case.
                map[e] = e < shared && string.Equals(b.KeyOf(e), key, StringComparison.Ordinal) ? e
                    : b.IdOf(key) is int id && id != IdMap.NotFound && id < before.EnterpriseCount ? id : -1;
            }
        });
        return map;
    }

    /// <summary>The enterprise's id in the state before (-1 for a new one); only with a state before.</summary>
    private int BeforeOf(int e) => _beforeMap is null ? e : _beforeMap[e];

    internal static int LevelIndex(double p) => p < WarningLevels.Medium ? 0 : p < WarningLevels.High ? 1 : p < WarningLevels.Critical ? 2 : 3;

    internal static int LevelIndex(string level) => Math.Max(0, WarningLevels.IndexOf(level));
}
