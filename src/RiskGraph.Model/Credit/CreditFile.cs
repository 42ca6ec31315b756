using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Credit;

/// <summary>Who reads a credit file: the public (and any system outside credit work) or a credit officer.</summary>
public enum CreditFileView
{
    Public,
    CreditOfficer,
}

/// <summary>A published penalty at its current values, with the values as first stored when an objection corrected it.</summary>
public sealed record FilePenalty(Penalty Penalty, RecordStatus Status, Penalty? Original);

public sealed record FileListEntry(ListEntry Entry, RecordStatus Status, ListEntry? Original);

/// <summary>That a record was repaired and when; <see cref="Repair"/> (decision number, method, who, why) only in the credit officer's view.</summary>
public sealed record RepairNotice(DateTimeOffset RepairedAt, CreditRepair? Repair);

public sealed record ObjectionNotice(Objection Objection, ObjectionOutcome? Outcome);

/// <summary>
/// An enterprise's credit file (R50) as one audience may see it. Seed 000 says that after repair the authorities
/// 「按規(guī)定及時停止公示其失信記錄」 — stop publishing the dishonesty record — so outside the credit officer's view
/// a repaired record leaves only a <see cref="RepairNotice"/> without its details, and its objections are not shown
/// (they name the record and quote free text about it). Originals of corrected records are for officers too.
/// </summary>
public sealed record CreditFile(
    CreditFileView View, CreditClassification Classification, IReadOnlyList<FilePenalty> Penalties, IReadOnlyList<FileListEntry> ListEntries,
    IReadOnlyList<Commitment> Commitments, IReadOnlyList<RepairNotice> Repairs, IReadOnlyList<ObjectionNotice> Objections)
{
    public static CreditFile Build(CreditLedger ledger, int enterprise, CreditFileView view)
    {
        bool officer = view == CreditFileView.CreditOfficer;
        var penalties = new List<FilePenalty>();
        var lists = new List<FileListEntry>();
        var repairs = new List<RepairNotice>();
        var objections = new List<ObjectionNotice>();
        foreach (var p in ledger.PenaltiesOf(enterprise))
        {
            var status = ledger.StatusOf(p);
            // Withdrawn and expired records are not published; only their repair or objection decision is listed.
            if (status.IsPublished()) penalties.Add(new FilePenalty(p, status, officer ? ledger.OriginalOf(p.RecordId) as Penalty : null));
            AddHistory(ledger.HistoryOf(p.RecordId), officer, repairs, objections);
        }
        foreach (var l in ledger.ListEntriesOf(enterprise))
        {
            var status = ledger.StatusOf(l);
            if (status.IsPublished()) lists.Add(new FileListEntry(l, status, officer ? ledger.OriginalOf(l.RecordId) as ListEntry : null));
            AddHistory(ledger.HistoryOf(l.RecordId), officer, repairs, objections);
        }
        repairs.Sort((a, b) => a.RepairedAt.CompareTo(b.RepairedAt));
        return new CreditFile(view, CreditClassifier.Classify(ledger, enterprise), penalties, lists, ledger.CommitmentsOf(enterprise).ToArray(),
            repairs, objections);
    }

    private static void AddHistory(RecordHistory? history, bool officer, List<RepairNotice> repairs, List<ObjectionNotice> objections)
    {
        if (history is null) return;
        foreach (var repair in history.Repairs) repairs.Add(new RepairNotice(repair.DecidedAt, officer ? repair : null));
        if (!officer && history.Repairs.Count > 0) return;
        foreach (var (objection, outcome) in history.Objections) objections.Add(new ObjectionNotice(objection, outcome));
    }
}
