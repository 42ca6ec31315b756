using RiskGraph.Model.Domain;
using RiskGraph.Model.Security;
using RiskGraph.Model.Storage;
using static RiskGraph.Model.Tests.Storage.ContractData;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>
/// What every <see cref="IGraphStore"/> must do, written once. Each concrete class supplies a fresh, empty store
/// and exposes these cases as tests under its own attribute (a plain Fact, or one that skips without a server).
/// </summary>
public abstract partial class GraphStoreContractTests : IAsyncLifetime
{
    private readonly List<IGraphStore> _stores = [];

    /// <summary>A new store on empty storage, initialised, writing <paramref name="batchSize"/> rows per request where that applies.</summary>
    protected abstract Task<IGraphStore> CreateEmptyStoreCoreAsync(int batchSize);

    protected async Task<IGraphStore> CreateEmptyStoreAsync(int batchSize = 10_000)
    {
        var store = await CreateEmptyStoreCoreAsync(batchSize);
        _stores.Add(store);
        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }

    protected async Task EveryRecordTypeReadsBackExactly()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);

        await StoreAssert.HoldsAsync(store, StoreContents.OfContractData);
        Assert.Equal(Enterprises[4], await store.FindEnterpriseAsync(E4));
        Assert.Null(await store.FindEnterpriseAsync(Uscc.Compose('9', '1', "999999", "MA0000000")));
    }

    /// <summary>Keys created and revoked in the store read back exactly, so every API process on it sees the same keys.</summary>
    protected async Task ApiKeysAreCreatedListedAndRevoked()
    {
        var store = await CreateEmptyStoreAsync();
        var now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var (bank, bankText) = await ApiKeyAdministration.CreateAsync(store, "bank-x", ApiRole.System, "Bank X", "31", new DateOnly(2027, 1, 1), now);
        await ApiKeyAdministration.CreateAsync(store, "analyst-a", ApiRole.Analyst, null, null, null, now);
        await Assert.ThrowsAsync<ApiKeyException>(() => ApiKeyAdministration.CreateAsync(store, "bank-x", ApiRole.Admin, null, null, null, now));

        var revoked = await ApiKeyAdministration.RevokeAsync(store, "bank-x", now.AddHours(1));
        var keys = await ApiKeyAdministration.ListAsync(store);

        Assert.Equal(["analyst-a", "bank-x"], keys.Select(k => k.Name));
        Assert.Equal(revoked, keys[1]);
        Assert.Equal(bank with { RevokedAt = now.AddHours(1) }, keys[1]);
        Assert.Equal("analyst-a", keys[0].Department);
        Assert.Null(keys[0].RegionScope);
        Assert.Equal(KeyCheck.Revoked, new ApiKeyRing(keys).Check(bankText, now, out _));
    }

    protected async Task EveryWriteIsNumberedInOrderWithItsKeys() => await ChangeFeedContract.EveryWriteIsNumberedInOrder_WithItsKeys(await CreateEmptyStoreAsync());

    protected async Task SeveralTypesInOneWriteAreAllStored() => await ChangeFeedContract.SeveralTypesInOneWrite_AreAllStored_WithOneSequencePerType(await CreateEmptyStoreAsync());

    protected async Task ConcurrentWritersGetDistinctSequences() => await ChangeFeedContract.ConcurrentWritersGetDistinctSequences(await CreateEmptyStoreAsync());

    protected async Task ReimportingTheSameRowsChangesNothing()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);
        await UpsertAllAsync(store);
        // Initialising an existing store must not fail or lose data either.
        await store.InitializeAsync();

        await StoreAssert.HoldsAsync(store, StoreContents.OfContractData);
    }

    protected async Task UpsertReplacesRowsByKey()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);
        var enterprise = Enterprises[1] with { RegistrationNo = "310115000777777", Name = "上海乙新名称有限公司", Founded = null, RegisteredCapital = 42 };
        var cleared = Enterprises[0] with { RegistrationNo = null };
        var share = Shareholdings[0] with { Share = 0.65 };
        var supply = SupplyLinks[0] with { AnnualAmount = 2e6 };
        var penalty = Penalties[2] with { Uscc = E3, Amount = 1.5, Kind = PenaltyKind.Fine };
        var entry = ListEntries[1] with { ValidTo = null, Uscc = E7 };
        var label = RiskLabels[0] with { Risky = true };
        var commitment = Commitments[2] with { Uscc = E5, Fulfilment = Fulfilment.Fulfilled };
        // Replacing a corrected outcome by one without a correction must clear the corrected values in both stores.
        var outcome = ObjectionOutcomes[0] with { Result = ObjectionResult.Upheld, DecidedAt = ObjectionOutcomes[0].DecidedAt.AddDays(1), Correction = null };

        await store.UpsertAsync([enterprise, cleared]);
        await store.UpsertAsync([share]);
        await store.UpsertAsync([supply]);
        await store.UpsertAsync([penalty]);
        await store.UpsertAsync([entry]);
        await store.UpsertAsync([label]);
        await store.UpsertAsync([commitment]);
        await store.UpsertAsync([outcome]);

        var expected = StoreContents.OfContractData with
        {
            Enterprises = Replace(ContractData.SortedEnterprises, e => e.Uscc == enterprise.Uscc ? enterprise : e.Uscc == cleared.Uscc ? cleared : e),
            Shareholdings = Replace(ContractData.SortedShareholdings, s => s.Uscc == share.Uscc && s.HolderKey == share.HolderKey ? share : s),
            SupplyLinks = Replace(ContractData.SortedSupplyLinks, s => s.SupplierUscc == supply.SupplierUscc && s.BuyerUscc == supply.BuyerUscc ? supply : s),
            Penalties = Replace(ContractData.SortedPenalties, p => p.RecordId == penalty.RecordId ? penalty : p),
            ListEntries = Replace(ContractData.SortedListEntries, l => l.RecordId == entry.RecordId ? entry : l),
            RiskLabels = Replace(ContractData.SortedRiskLabels, l => l.Uscc == label.Uscc ? label : l),
            Commitments = Replace(ContractData.SortedCommitments, c => c.CommitmentId == commitment.CommitmentId ? commitment : c),
            ObjectionOutcomes = [outcome, ObjectionOutcomes[1]],
        };
        await StoreAssert.HoldsAsync(store, expected);
    }

    protected async Task TheLastOfSeveralRowsWithOneKeyWins()
    {
        var store = await CreateEmptyStoreAsync(batchSize: 2);
        await UpsertAllAsync(store);
        var first = Penalties[0] with { Uscc = E6, Amount = 1 };
        var last = Penalties[0] with { Uscc = E7, Amount = 2 };

        await store.UpsertAsync([first, Penalties[1], last]);
        await store.UpsertAsync([Enterprises[3] with { Name = "first" }, Enterprises[3] with { Name = "last" }]);

        var expected = StoreContents.OfContractData with
        {
            Penalties = Replace(ContractData.SortedPenalties, p => p.RecordId == last.RecordId ? last : p),
            Enterprises = Replace(ContractData.SortedEnterprises, e => e.Uscc == E3 ? e with { Name = "last" } : e),
        };
        await StoreAssert.HoldsAsync(store, expected);
    }

    /// <summary>
    /// With three rows per request the first batch is written inside the transaction before the second one fails
    /// on a row without its key (a NOT NULL primary key in SQLite, a MERGE on null in Neo4j): both must roll back.
    /// </summary>
    protected async Task AFailingBatchLeavesNothingOfTheCall()
    {
        var store = await CreateEmptyStoreAsync(batchSize: 3);
        await UpsertAllAsync(store);
        Enterprise[] rows =
        [
            Enterprises[0] with { Name = "changed 0" }, Enterprises[1] with { Name = "changed 1" }, Enterprises[2] with { Name = "changed 2" },
            NewEnterprise("MA9X00001"), NewEnterprise("MA9X00002"), NewEnterprise("MA9X00003") with { Uscc = null! },
            NewEnterprise("MA9X00004"),
        ];

        await Assert.ThrowsAnyAsync<Exception>(() => store.UpsertAsync(rows));

        await StoreAssert.HoldsAsync(store, StoreContents.OfContractData);
    }

    /// <summary>A NaN amount cannot be stored by either store (SQLite turns it into NULL; JSON has no NaN).</summary>
    protected async Task AValueTheStoreCannotHoldFailsTheWholeCall()
    {
        var store = await CreateEmptyStoreAsync(batchSize: 2);
        await UpsertAllAsync(store);
        SupplyLink[] rows = [new(E5, E6, 1), new(E6, E5, 2), new(E7, E0, 3), new(E0, E7, double.NaN), new(E7, E1, 5)];

        await Assert.ThrowsAnyAsync<Exception>(() => store.UpsertAsync(rows));

        await StoreAssert.HoldsAsync(store, StoreContents.OfContractData);
    }

    protected async Task CancellingMidwayStoresNothing()
    {
        var store = await CreateEmptyStoreAsync(batchSize: 5_000);
        await UpsertAllAsync(store);
        var many = Enumerable.Range(0, 25_000).Select(i => new Person($"p_cancel{i:D8}", $"Person {i}", "000***********0000")).ToArray();
        using var cancellation = new CancellationTokenSource();
        // Cancel as soon as the first rows are written inside the transaction (SQLite reports every 10,000 rows).
        var progress = new ImmediateProgress(done => { if (done < many.Length) cancellation.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UpsertAsync(many, progress, cancellation.Token));

        Assert.True(progress.Reports > 0, "The upsert was never mid-way: no progress was reported before the end.");
        await StoreAssert.HoldsAsync(store, StoreContents.OfContractData);
    }

    protected async Task NetworkOfDepthOneHoldsTheDirectRelations()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);

        var view = await store.GetNetworkAsync(E0, 1, 100);

        Assert.Equal(StoreAssert.Ordered((E0, 0), (E1, 1), (E5, 1), (P0.PersonKey, 1), (P1.PersonKey, 1), (P2.PersonKey, 1)),
            StoreAssert.NodesOf(view));
        Assert.False(view.Truncated);
        Assert.Equal(0, view.OmittedNodes);
        Assert.Equal(11, view.Edges.Count);
        Assert.Contains(new NetworkEdge(P0.PersonKey, E0, "SHAREHOLDER_OF", 0.6, null, null), view.Edges);
        Assert.Contains(new NetworkEdge(P0.PersonKey, E0, "EXECUTIVE_OF", null, null, "总经理"), view.Edges);
        Assert.Contains(new NetworkEdge(P0.PersonKey, E0, "EXECUTIVE_OF", null, null, "董事长"), view.Edges);
        Assert.Contains(new NetworkEdge(E1, E0, "SUPPLIES_TO", null, 1.5e6, null), view.Edges);
        Assert.Contains(new NetworkEdge(E0, E1, "GUARANTEES", null, 5e6, null), view.Edges);
        var person = view.Nodes.Single(n => n.Id == P1.PersonKey);
        Assert.Equal(new NetworkNode(P1.PersonKey, "person", "李娜", null, null, 1), person);
        var enterprise = view.Nodes.Single(n => n.Id == E5);
        Assert.Equal(new NetworkNode(E5, "enterprise", "成都戊物流有限公司", "G54", "510107", 1), enterprise);
    }

    protected async Task NetworkOfDepthTwoReachesTheSecondRing()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);

        var view = await store.GetNetworkAsync(E0, 2, 100);

        Assert.Equal(StoreAssert.Ordered((E0, 0), (E1, 1), (E5, 1), (P0.PersonKey, 1), (P1.PersonKey, 1), (P2.PersonKey, 1),
            (E2, 2), (E4, 2), (E6, 2)), StoreAssert.NodesOf(view));
        Assert.False(view.Truncated);
        Assert.Equal(18, view.Edges.Count);
        Assert.Contains(new NetworkEdge(E1, E2, "SHAREHOLDER_OF", 0.1 + 0.2, null, null), view.Edges);
        Assert.Contains(new NetworkEdge(E4, E1, "SUPPLIES_TO", null, 1e-3, null), view.Edges);
        Assert.Contains(new NetworkEdge(E5, E6, "GUARANTEES", null, 1, null), view.Edges);
    }

    protected async Task NetworkNodeCapTruncatesAndCountsTheRest()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);

        var two = await store.GetNetworkAsync(E0, 2, 7);
        var one = await store.GetNetworkAsync(E0, 1, 3);

        // Neighbours are taken in id order (USCCs before "p_" person keys) until the cap; the rest are counted.
        Assert.Equal(StoreAssert.Ordered((E0, 0), (E1, 1), (E5, 1), (P0.PersonKey, 1), (P1.PersonKey, 1), (P2.PersonKey, 1), (E2, 2)),
            StoreAssert.NodesOf(two));
        Assert.True(two.Truncated);
        Assert.Equal(2, two.OmittedNodes);
        Assert.Equal(16, two.Edges.Count);
        Assert.Equal(StoreAssert.Ordered((E0, 0), (E1, 1), (E5, 1)), StoreAssert.NodesOf(one));
        Assert.True(one.Truncated);
        Assert.Equal(3, one.OmittedNodes);
        Assert.Equal(5, one.Edges.Count);
    }

    protected async Task NetworkOfAnUnknownEnterpriseIsNotFound()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.GetNetworkAsync(Uscc.Compose('9', '1', "999999", "MA0000000"), 1, 10));
    }

    private static Enterprise NewEnterprise(string organisation) =>
        new(Uscc.Compose('9', '1', "330106", organisation), null, "新企业 " + organisation, "C36", "330106", null, 1, EnterpriseStatus.InBusiness);

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> rows, Func<T, T> replace) => rows.Select(replace).ToList();

    /// <summary>Reports on the writer's thread (Progress&lt;T&gt; would post to the thread pool and report too late).</summary>
    private sealed class ImmediateProgress(Action<int> report) : IProgress<int>
    {
        public int Reports { get; private set; }

        public void Report(int value)
        {
            Reports++;
            report(value);
        }
    }
}
