using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Storage;

namespace RiskGraph.Training.Tests.Serving;

/// <summary>
/// Writes random credit changes of every kind the live service applies in place: new and amended penalties, new
/// and ended list entries, commitments and their fulfilment, inspections, repairs, objections and their outcomes.
/// Seeded, so a failure replays.
/// </summary>
internal sealed class RandomCreditChanges(IGraphStore store, GraphSnapshot initial, int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<Penalty> _penalties = [];
    private readonly List<ListEntry> _entries = [];
    private readonly List<Commitment> _commitments = [];
    private readonly List<string> _openObjections = [];
    private readonly HashSet<string> _decided = [];
    private int _next;

    private DateOnly Day => initial.AsOf;

    /// <summary>Writes one batch of <paramref name="count"/> changes and returns how many were written.</summary>
    public async Task<int> WriteBatchAsync(int count)
    {
        var penalties = new List<Penalty>();
        var entries = new List<ListEntry>();
        var commitments = new List<Commitment>();
        var inspections = new List<Inspection>();
        int written = 0;
        for (int i = 0; i < count; i++)
        {
            switch (_random.Next(9))
            {
                case 0 or 1: penalties.Add(NewPenalty()); break;
                case 2 when _penalties.Count > 0: penalties.Add(Amended(Pick(_penalties))); break;
                case 3: entries.Add(NewEntry()); break;
                case 4 when _entries.Count > 0: entries.Add(Pick(_entries) with { ValidTo = Day.AddDays(-1 - _random.Next(30)) }); break;
                case 5: commitments.Add(NewCommitment()); break;
                case 6 when _commitments.Count > 0: commitments.Add(Pick(_commitments) with { Fulfilment = Fulfilment.Breached }); break;
                case 7: inspections.Add(NewInspection()); break;
                default: await DecideAsync(); break;
            }
            written++;
        }
        // Rows of one batch go in one transaction, as an ingestion request writes them.
        await store.UpsertManyAsync([RowSet.Of(penalties), RowSet.Of(entries), RowSet.Of(commitments), RowSet.Of(inspections)]);
        _penalties.AddRange(penalties);
        _entries.AddRange(entries);
        _commitments.AddRange(commitments);
        return written;
    }

    private async Task DecideAsync()
    {
        if (_penalties.Count == 0 && _entries.Count == 0)
        {
            await store.UpsertAsync<Penalty>([NewPenalty()]);
            return;
        }
        string record = _random.Next(2) == 0 && _penalties.Count > 0 ? Pick(_penalties).RecordId : _entries.Count > 0 ? Pick(_entries).RecordId : Pick(_penalties).RecordId;
        var at = new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(_next);
        switch (_random.Next(3))
        {
            case 0 when !_decided.Contains(record):
                _decided.Add(record);
                await store.AppendOnceAsync(new CreditRepair("RP-" + Id(), record, RepairMethod.Commitment, "test", "fulfilled", at));
                break;
            case 1 when _openObjections.Count > 0:
                string objection = _openObjections[^1];
                _openObjections.RemoveAt(_openObjections.Count - 1);
                var result = (ObjectionResult)_random.Next(3);
                var correction = result == ObjectionResult.Corrected ? new RecordCorrection(Amount: 10 + _random.Next(1000)) : null;
                await store.AppendOnceAsync(new ObjectionOutcome(objection, result, "test", "decided", at, correction));
                break;
            default:
                string id = "OB-" + Id();
                _openObjections.Add(id);
                await store.UpsertAsync<Objection>([new Objection(id, record, "test", "disputed", at)]);
                break;
        }
    }

    private Penalty NewPenalty()
    {
        var decided = Day.AddDays(-_random.Next(4 * 365));
        return new Penalty("PX-" + Id(), Enterprise(), (PenaltyKind)_random.Next(5), 1000 + _random.Next(200_000), decided, decided.AddDays(3), "测试局");
    }

    private Penalty Amended(Penalty penalty) => penalty with { Kind = (PenaltyKind)_random.Next(5), Amount = penalty.Amount + 1 };

    private ListEntry NewEntry() =>
        new("LX-" + Id(), Enterprise(), (ListType)_random.Next(5), Day.AddDays(-_random.Next(700)), null, "测试局");

    private Commitment NewCommitment() =>
        new("CX-" + Id(), Enterprise(), CommitmentType.SelfDisclosure, "按期整改", Day.AddDays(-_random.Next(300)), Fulfilment.Pending, "测试局");

    private Inspection NewInspection() =>
        new("IX-" + Id(), Enterprise(), Day.AddDays(-_random.Next(200)), (InspectionOutcome)_random.Next(4), "测试局", "甲,乙");

    private string Enterprise() => initial.Ids.KeyOf(_random.Next(initial.EnterpriseCount));

    private T Pick<T>(List<T> items) => items[_random.Next(items.Count)];

    private string Id() => (++_next).ToString("D6");
}
