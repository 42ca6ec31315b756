using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;
using static RiskGraph.Model.Tests.Storage.ContractData;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>Decisions taken once (repairs per record, outcomes per objection), also under concurrent attempts.</summary>
public abstract partial class GraphStoreContractTests
{
    private const int Parallel = 8;

    // An objection the contract data leaves without an outcome (OB-0001 and OB-0002 are decided there).
    private const string Undecided = "OB-0009";

    private static CreditRepair Repair(string recordId, int n) =>
        new($"RP-T{n:D3}", recordId, RepairMethod.Training, $"部门{n}", $"理由{n}", new DateTimeOffset(2025, 3, 1, 9, 0, n, TimeSpan.Zero));

    private static ObjectionOutcome Outcome(string objectionId, int n) =>
        new(objectionId, (ObjectionResult)(n % 3), $"部门{n}", $"说明{n}", new DateTimeOffset(2025, 3, 2, 9, 0, n, TimeSpan.Zero));

    protected async Task ARecordIsRepairedOnce_AndLaterAttemptsGetTheFirstRepair()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);

        var first = await store.AppendOnceAsync(Repair("PEN-2022-0001", 1));
        var second = await store.AppendOnceAsync(Repair("PEN-2022-0001", 2));

        // The append is numbered in the change feed, in the same transaction as the repair.
        Assert.Equal(new OnceWrite<CreditRepair>(true, Repair("PEN-2022-0001", 1), await store.LatestSequenceAsync()), first);
        Assert.True(first.Sequence > 0);
        Assert.Equal(new OnceWrite<CreditRepair>(false, Repair("PEN-2022-0001", 1)), second);
        var repairs = await StoreAssert.ReadAllAsync<CreditRepair>(store);
        Assert.Single(repairs, r => r.RecordId == "PEN-2022-0001");
        Assert.Equal(CreditRepairs.Length + 1, repairs.Count);
    }

    protected async Task ARecordRepairedBeforeTheCheck_KeepsItsEarliestRepair()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);
        // A store written before repairs were once-only may hold two for one record.
        var older = Repair("LIST-0002", 0) with { RepairId = "RP-0000", DecidedAt = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        await store.UpsertAsync<CreditRepair>([older]);

        var attempt = await store.AppendOnceAsync(Repair("LIST-0002", 3));

        Assert.False(attempt.Appended);
        Assert.Equal(older, attempt.Stored);
    }

    protected async Task AnObjectionGetsOneOutcome_AndTheFirstStands()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);

        var decided = await store.AppendOnceAsync(Outcome(Undecided, 0));
        var overwrite = await store.AppendOnceAsync(Outcome(Undecided, 1));
        var alreadyDecided = await store.AppendOnceAsync(Outcome("OB-0001", 2));

        Assert.True(decided.Appended);
        Assert.Equal(new OnceWrite<ObjectionOutcome>(false, Outcome(Undecided, 0)), overwrite);
        Assert.Equal(new OnceWrite<ObjectionOutcome>(false, ObjectionOutcomes[0]), alreadyDecided);
        await StoreAssert.EqualRowsAsync(store, [.. ObjectionOutcomes, Outcome(Undecided, 0)]);
    }

    protected async Task ConcurrentDecisionsOnOneSubject_HaveExactlyOneWinner()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);

        // All attempts start together, so they race through the check at the same time.
        using var start = new ManualResetEventSlim();
        var repairs = Enumerable.Range(1, Parallel)
            .Select(n => Task.Run(async () => { start.Wait(); return await store.AppendOnceAsync(Repair("失信-0004", n)); })).ToArray();
        var outcomes = Enumerable.Range(1, Parallel)
            .Select(n => Task.Run(async () => { start.Wait(); return await store.AppendOnceAsync(Outcome(Undecided, n)); })).ToArray();
        start.Set();
        var repaired = await Task.WhenAll(repairs);
        var decided = await Task.WhenAll(outcomes);

        var winner = Assert.Single(repaired, r => r.Appended).Stored;
        Assert.All(repaired, r => Assert.Equal(winner, r.Stored));
        Assert.Equal([winner], (await StoreAssert.ReadAllAsync<CreditRepair>(store)).Where(r => r.RecordId == "失信-0004"));
        var outcome = Assert.Single(decided, o => o.Appended).Stored;
        Assert.All(decided, o => Assert.Equal(outcome, o.Stored));
        await StoreAssert.EqualRowsAsync(store, [.. ObjectionOutcomes, outcome]);
    }
}
