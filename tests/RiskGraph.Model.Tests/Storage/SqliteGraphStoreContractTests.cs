using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>The store contract on the embedded SQLite store, one temporary database file per store.</summary>
public sealed class SqliteGraphStoreContractTests : GraphStoreContractTests
{
    private readonly TemporaryFolder _folder = new();
    private int _stores;

    // The embedded store writes row by row in one transaction, so it has no batch size to honour.
    protected override async Task<IGraphStore> CreateEmptyStoreCoreAsync(int batchSize)
    {
        var store = _folder.NewSqliteStore($"store{++_stores}.db");
        await store.InitializeAsync();
        return store;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public Task A_lease_has_one_holder_is_renewed_and_taken_over_once_expired_or_released() => ALeaseHasOneHolder_IsRenewedByIt_AndIsTakenOverOnceExpiredOrReleased();

    [Fact]
    public Task Concurrent_acquisitions_of_a_free_lease_elect_exactly_one_holder() => ConcurrentAcquisitionsOfAFreeLease_ElectExactlyOneHolder();

    [Fact]
    public Task Every_record_type_reads_back_exactly() => EveryRecordTypeReadsBackExactly();

    [Fact]
    public Task Api_keys_are_created_listed_and_revoked() => ApiKeysAreCreatedListedAndRevoked();

    [Fact]
    public Task Every_write_is_numbered_in_order_with_its_keys() => EveryWriteIsNumberedInOrderWithItsKeys();

    [Fact]
    public Task Concurrent_writers_get_distinct_sequences() => ConcurrentWritersGetDistinctSequences();

    [Fact]
    public Task Several_types_in_one_write_are_all_stored() => SeveralTypesInOneWriteAreAllStored();

    [Fact]
    public Task A_record_is_repaired_once() => ARecordIsRepairedOnce_AndLaterAttemptsGetTheFirstRepair();

    [Fact]
    public Task Rows_read_back_by_change_feed_keys() => RowsReadBackByTheKeysTheChangeFeedNames();

    [Fact]
    public Task Relations_are_removed_by_key() => RelationsAreRemovedByKeyInOneTransactionWithWrites();

    [Fact]
    public Task A_record_repaired_twice_before_the_check_keeps_its_earliest_repair() => ARecordRepairedBeforeTheCheck_KeepsItsEarliestRepair();

    [Fact]
    public Task An_objection_gets_one_outcome() => AnObjectionGetsOneOutcome_AndTheFirstStands();

    [Fact]
    public Task Concurrent_decisions_on_one_subject_have_exactly_one_winner() => ConcurrentDecisionsOnOneSubject_HaveExactlyOneWinner();

    [Fact]
    public Task Reimporting_the_same_rows_changes_nothing() => ReimportingTheSameRowsChangesNothing();

    [Fact]
    public Task Upsert_replaces_rows_by_key() => UpsertReplacesRowsByKey();

    [Fact]
    public Task The_last_of_several_rows_with_one_key_wins() => TheLastOfSeveralRowsWithOneKeyWins();

    [Fact]
    public Task A_failing_batch_leaves_nothing_of_the_call() => AFailingBatchLeavesNothingOfTheCall();

    [Fact]
    public Task A_value_the_store_cannot_hold_fails_the_whole_call() => AValueTheStoreCannotHoldFailsTheWholeCall();

    [Fact]
    public Task Cancelling_midway_stores_nothing() => CancellingMidwayStoresNothing();

    [Fact]
    public Task Network_of_depth_one_holds_the_direct_relations() => NetworkOfDepthOneHoldsTheDirectRelations();

    [Fact]
    public Task Network_of_depth_two_reaches_the_second_ring() => NetworkOfDepthTwoReachesTheSecondRing();

    [Fact]
    public Task Network_node_cap_truncates_and_counts_the_rest() => NetworkNodeCapTruncatesAndCountsTheRest();

    [Fact]
    public Task Network_of_an_unknown_enterprise_is_not_found() => NetworkOfAnUnknownEnterpriseIsNotFound();
}
