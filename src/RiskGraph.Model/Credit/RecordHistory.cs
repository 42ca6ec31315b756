using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Credit;

/// <summary>What happened to one record: its repairs and its objections with their outcomes, oldest first.</summary>
public sealed class RecordHistory
{
    private readonly List<CreditRepair> _repairs = [];
    private readonly List<(Objection Objection, ObjectionOutcome? Outcome)> _objections = [];

    public IReadOnlyList<CreditRepair> Repairs => _repairs;

    public IReadOnlyList<(Objection Objection, ObjectionOutcome? Outcome)> Objections => _objections;

    /// <summary>
    /// Revoked or repaired when a revocation or a repair withdrew the record, else null. A correction does not
    /// withdraw: seed 004 has erroneous information 更正或撤销, corrected or revoked, and only revocation removes it.
    /// </summary>
    public RecordStatus? Withdrawal
    {
        get
        {
            foreach (var (_, outcome) in _objections)
            {
                if (outcome?.Result == ObjectionResult.Revoked) return RecordStatus.Revoked;
            }
            return _repairs.Count > 0 ? RecordStatus.Repaired : null;
        }
    }

    /// <summary>The latest decided correction (objections are sorted by filing), or null when none corrected the record.</summary>
    public RecordCorrection? Correction
    {
        get
        {
            RecordCorrection? latest = null;
            foreach (var (_, outcome) in _objections)
            {
                if (outcome is { Result: ObjectionResult.Corrected, Correction: { } correction }) latest = correction;
            }
            return latest;
        }
    }

    public bool IsCorrected => _objections.Any(o => o.Outcome?.Result == ObjectionResult.Corrected);

    public bool IsContested => _objections.Any(o => o.Outcome is null);

    internal void Add(CreditRepair repair) => _repairs.Add(repair);

    internal void Add(Objection objection, ObjectionOutcome? outcome) => _objections.Add((objection, outcome));

    internal void Sort()
    {
        _repairs.Sort((a, b) => a.DecidedAt.CompareTo(b.DecidedAt));
        _objections.Sort((a, b) => a.Objection.FiledAt.CompareTo(b.Objection.FiledAt));
    }
}
