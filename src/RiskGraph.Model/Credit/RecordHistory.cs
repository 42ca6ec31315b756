using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Credit;

/// <summary>What happened to one record: its repairs and its objections with their outcomes, oldest first.</summary>
public sealed class RecordHistory
{
    private readonly List<CreditRepair> _repairs = [];
    private readonly List<(Objection Objection, ObjectionOutcome? Outcome)> _objections = [];

    public IReadOnlyList<CreditRepair> Repairs => _repairs;

    public IReadOnlyList<(Objection Objection, ObjectionOutcome? Outcome)> Objections => _objections;

    /// <summary>Repaired, corrected or revoked when a repair or a decided objection withdrew the record, else null.</summary>
    public RecordStatus? Withdrawal
    {
        get
        {
            foreach (var (_, outcome) in _objections)
            {
                if (outcome?.Result == ObjectionResult.Revoked) return RecordStatus.Revoked;
                if (outcome?.Result == ObjectionResult.Corrected) return RecordStatus.Corrected;
            }
            return _repairs.Count > 0 ? RecordStatus.Repaired : null;
        }
    }

    public bool IsContested => _objections.Any(o => o.Outcome is null);

    internal void Add(CreditRepair repair) => _repairs.Add(repair);

    internal void Add(Objection objection, ObjectionOutcome? outcome) => _objections.Add((objection, outcome));

    internal void Sort()
    {
        _repairs.Sort((a, b) => a.DecidedAt.CompareTo(b.DecidedAt));
        _objections.Sort((a, b) => a.Objection.FiledAt.CompareTo(b.Objection.FiledAt));
    }
}
