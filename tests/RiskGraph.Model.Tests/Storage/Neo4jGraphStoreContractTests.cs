using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Neo4j;
using static RiskGraph.Model.Tests.Storage.ContractData;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>
/// The store contract on a real Neo4j server (NEO4J_URL), plus the checks that the same data gives the same
/// snapshot and the same network views as the embedded store. Each store starts from a wiped database.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jGraphStoreContractTests : GraphStoreContractTests
{
    private readonly TemporaryFolder _folder = new();

    protected override async Task<IGraphStore> CreateEmptyStoreCoreAsync(int batchSize) =>
        await Neo4jTestServer.CreateEmptyStoreAsync(batchSize);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }

    [Neo4jFact]
    public Task A_lease_has_one_holder_is_renewed_and_taken_over_once_expired_or_released() => ALeaseHasOneHolder_IsRenewedByIt_AndIsTakenOverOnceExpiredOrReleased();

    [Neo4jFact]
    public Task Concurrent_acquisitions_of_a_free_lease_elect_exactly_one_holder() => ConcurrentAcquisitionsOfAFreeLease_ElectExactlyOneHolder();

    [Neo4jFact]
    public Task Every_record_type_reads_back_exactly() => EveryRecordTypeReadsBackExactly();

    [Neo4jFact]
    public Task Api_keys_are_created_listed_and_revoked() => ApiKeysAreCreatedListedAndRevoked();

    [Neo4jFact]
    public Task Every_write_is_numbered_in_order_with_its_keys() => EveryWriteIsNumberedInOrderWithItsKeys();

    [Neo4jFact]
    public Task Concurrent_writers_get_distinct_sequences() => ConcurrentWritersGetDistinctSequences();

    [Neo4jFact]
    public Task Several_types_in_one_write_are_all_stored() => SeveralTypesInOneWriteAreAllStored();

    [Neo4jFact]
    public Task A_record_is_repaired_once() => ARecordIsRepairedOnce_AndLaterAttemptsGetTheFirstRepair();

    [Neo4jFact]
    public Task Rows_read_back_by_change_feed_keys() => RowsReadBackByTheKeysTheChangeFeedNames();

    [Neo4jFact]
    public Task Relations_are_removed_by_key() => RelationsAreRemovedByKeyInOneTransactionWithWrites();

    [Neo4jFact]
    public Task A_record_repaired_twice_before_the_check_keeps_its_earliest_repair() => ARecordRepairedBeforeTheCheck_KeepsItsEarliestRepair();

    [Neo4jFact]
    public Task An_objection_gets_one_outcome() => AnObjectionGetsOneOutcome_AndTheFirstStands();

    [Neo4jFact]
    public Task Concurrent_decisions_on_one_subject_have_exactly_one_winner() => ConcurrentDecisionsOnOneSubject_HaveExactlyOneWinner();

    [Neo4jFact]
    public Task Reimporting_the_same_rows_changes_nothing() => ReimportingTheSameRowsChangesNothing();

    [Neo4jFact]
    public Task Upsert_replaces_rows_by_key() => UpsertReplacesRowsByKey();

    [Neo4jFact]
    public Task The_last_of_several_rows_with_one_key_wins() => TheLastOfSeveralRowsWithOneKeyWins();

    [Neo4jFact]
    public Task A_failing_batch_leaves_nothing_of_the_call() => AFailingBatchLeavesNothingOfTheCall();

    [Neo4jFact]
    public Task A_value_the_store_cannot_hold_fails_the_whole_call() => AValueTheStoreCannotHoldFailsTheWholeCall();

    [Neo4jFact]
    public Task Cancelling_midway_stores_nothing() => CancellingMidwayStoresNothing();

    [Neo4jFact]
    public Task Network_of_depth_one_holds_the_direct_relations() => NetworkOfDepthOneHoldsTheDirectRelations();

    [Neo4jFact]
    public Task Network_of_depth_two_reaches_the_second_ring() => NetworkOfDepthTwoReachesTheSecondRing();

    [Neo4jFact]
    public Task Network_node_cap_truncates_and_counts_the_rest() => NetworkNodeCapTruncatesAndCountsTheRest();

    [Neo4jFact]
    public Task Network_of_an_unknown_enterprise_is_not_found() => NetworkOfAnUnknownEnterpriseIsNotFound();

    [Neo4jFact]
    public async Task The_same_data_gives_the_same_snapshot_as_the_embedded_store()
    {
        var neo4j = await CreateEmptyStoreAsync(batchSize: 4);
        await using var sqlite = _folder.NewSqliteStore();
        await sqlite.InitializeAsync();
        await UpsertAllAsync(neo4j);
        await UpsertAllAsync(sqlite);

        var expected = await GraphSnapshotLoader.LoadAsync(sqlite);
        var actual = await GraphSnapshotLoader.LoadAsync(neo4j);

        StoreAssert.SameSnapshot(expected, actual);
        Assert.Equal(Enterprises.Length + Persons.Length, actual.Ids.NodeCount);
        Assert.True(actual.Graph.EdgeCount > 0);
    }

    [Neo4jFact]
    public async Task The_same_data_gives_the_same_network_views_as_the_embedded_store()
    {
        var neo4j = await CreateEmptyStoreAsync();
        await using var sqlite = _folder.NewSqliteStore();
        await sqlite.InitializeAsync();
        await UpsertAllAsync(neo4j);
        await UpsertAllAsync(sqlite);

        foreach (string center in new[] { E0, E1, E2, E3, E4, E7 })
        {
            for (int depth = 1; depth <= NetworkCollector.MaxDepth; depth++)
            {
                foreach (int cap in new[] { 1, 3, 7, 100 })
                {
                    StoreAssert.SameView(await sqlite.GetNetworkAsync(center, depth, cap), await neo4j.GetNetworkAsync(center, depth, cap));
                }
            }
        }
    }

    [Neo4jFact]
    public async Task Reads_page_by_key_across_many_pages()
    {
        // Two rows per page: every page boundary of the composite keys (uscc, person key, title) is crossed.
        var store = await CreateEmptyStoreAsync(batchSize: 2);
        await UpsertAllAsync(store);

        await StoreAssert.HoldsAsync(store, StoreContents.OfContractData);
    }

    [Neo4jFact]
    public async Task A_relation_to_a_missing_node_fails_the_whole_call()
    {
        // SQLite has no foreign keys; in a graph the relation has nowhere to attach, and dropping it silently
        // would make the two stores differ, so the Neo4j store refuses the call.
        var store = await CreateEmptyStoreAsync(batchSize: 2);
        await UpsertAllAsync(store);
        Guarantee[] rows = [new(E6, E7, 1), new(E7, E6, 2), new(E6, Uscc.Compose('9', '1', "999999", "MA0000000"), 3)];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.UpsertAsync(rows));

        Assert.Contains("not in the store", error.Message);
        await StoreAssert.HoldsAsync(store, StoreContents.OfContractData);
    }

    [Neo4jFact]
    public async Task A_record_moved_to_another_enterprise_keeps_one_about_relation()
    {
        var store = (Neo4jGraphStore)await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);

        await store.UpsertAsync([Penalties[0] with { Uscc = E7 }]);
        await store.UpsertAsync([Penalties[0] with { Uscc = E7 }]);
        await store.UpsertAsync([Penalties[0] with { Uscc = E6 }, Penalties[0] with { Uscc = E7 }]);

        var about = await store.Client.RunAsync(new Neo4jStatement(
            "MATCH (:Penalty {record_id: $id})-[:ABOUT]->(e:Enterprise) RETURN e.uscc",
            new Dictionary<string, object?> { ["id"] = Penalties[0].RecordId }));
        Assert.Equal(new[] { E7 }, about.Rows.Select(r => r[0].GetString()));
    }

    [Neo4jFact]
    public async Task The_server_is_discovered_and_the_schema_is_in_place()
    {
        var store = (Neo4jGraphStore)await CreateEmptyStoreAsync();

        Assert.True(store.Client.ServerVersion >= new Version(3, 1));
        Assert.EndsWith(store.Client.ServerVersion.Major >= 4 ? "/tx" : "/db/data/transaction", store.Client.TransactionUrl);
        // A second Person with the same key must be rejected by the uniqueness constraint.
        var duplicate = await Assert.ThrowsAsync<Neo4jException>(() => store.Client.RunAsync(new Neo4jStatement(
            "CREATE (:Person {person_key: 'p_dup'}) CREATE (:Person {person_key: 'p_dup'})")));
        Assert.Contains("ConstraintValidationFailed", duplicate.Code);
        Assert.False(duplicate.IsTransient);
    }
}
