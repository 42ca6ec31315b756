using RiskGraph.Model.Storage;
using System.Diagnostics;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Storage.Neo4j;
using Xunit.Abstractions;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>
/// The server dies (kill -9) in the middle of an import. What was committed must survive, the upsert that was
/// running must leave nothing, and running the import again must give exactly what a clean import gives.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jCrashTests(ITestOutputHelper output)
{
    [Neo4jFact]
    public async Task An_import_killed_midway_and_rerun_is_complete_and_identical_to_a_clean_import()
    {
        var data = new BulkData();
        using var folder = new TemporaryFolder();

        // Reference: a clean import into the embedded store, and the throughput of both stores for the record.
        await using var sqlite = folder.NewSqliteStore();
        await sqlite.InitializeAsync();
        double sqliteSeconds = await TimeAsync(() => data.UpsertAllAsync(sqlite));
        await using (var clean = await Neo4jTestServer.CreateEmptyStoreAsync())
        {
            double neo4jSeconds = await TimeAsync(() => data.UpsertAllAsync(clean));
            output.WriteLine($"{data.RowCount} rows: SQLite {data.RowCount / sqliteSeconds:N0} rows/s ({sqliteSeconds:N1} s), " +
                             $"Neo4j {data.RowCount / neo4jSeconds:N0} rows/s ({neo4jSeconds:N1} s, batches of 10,000)");
        }

        await using var store = await Neo4jTestServer.CreateEmptyStoreAsync(batchSize: 2_000);
        // A clean shutdown writes a checkpoint, so that recovery after the kill replays only the import under
        // test: replaying the clean import and the wipe as well does not fit the test server's 512 MB heap.
        await Neo4jTestServer.RunScriptAsync("stop");
        await RestartServerAsync();
        bool killed = false;
        try
        {
            // Kill between two batches of the shareholdings: enterprises, persons and the earlier relations are
            // committed; the shareholdings' transaction is open with rows written into it.
            // The store says "unavailable, nothing stored" in its own terms; the server's error is the inner exception.
            var unavailable = await Assert.ThrowsAsync<StoreUnavailableException>(() => data.UpsertAllAsync(store, (type, done) =>
            {
                if (killed || type != typeof(Shareholding) || done < 4_000) return;
                killed = true;
                KillServer();
            }));
            var crash = Assert.IsType<Neo4jException>(unavailable.InnerException);
            output.WriteLine($"Import failed as expected: {crash.Code}: {crash.ServerMessage}");
            Assert.True(killed, "The server was never killed: the import did not reach the shareholdings.");
        }
        finally
        {
            // Whatever happened, leave a running server for the tests that follow.
            await RestartServerAsync();
        }

        // Committed upserts survived the crash; the one in flight left nothing.
        var expected = data.Sorted;
        Assert.Equal(expected.Enterprises.Count, await store.CountAsync<Enterprise>());
        Assert.Equal(expected.Persons.Count, await store.CountAsync<Person>());
        Assert.Equal(expected.LegalRepresentatives.Count, await store.CountAsync<LegalRepresentative>());
        Assert.Equal(expected.Executives.Count, await store.CountAsync<Executive>());
        Assert.Equal(0, await store.CountAsync<Shareholding>());
        Assert.Equal(0, await store.CountAsync<SupplyLink>());

        // Rerun the whole import on the same store object: its client must recover its connections too.
        double rerunSeconds = await TimeAsync(() => data.UpsertAllAsync(store));
        output.WriteLine($"Rerun after the crash: {data.RowCount / rerunSeconds:N0} rows/s ({rerunSeconds:N1} s, batches of 2,000)");

        await StoreAssert.HoldsAsync(store, expected);
        StoreAssert.SameSnapshot(await GraphSnapshotLoader.LoadAsync(sqlite), await GraphSnapshotLoader.LoadAsync(store));
    }

    private void KillServer()
    {
        int pid = Neo4jTestServer.ServerPid();
        output.WriteLine($"kill -9 {pid} (Neo4j) in the middle of the shareholdings");
        using var server = Process.GetProcessById(pid);
        // Process.Kill sends SIGKILL on Unix: no shutdown hook runs, exactly like kill -9.
        server.Kill();
        server.WaitForExit(10_000);
    }

    private async Task RestartServerAsync()
    {
        var url = new Uri(Environment.GetEnvironmentVariable(Neo4jOptions.UrlVariable)!);
        var clock = Stopwatch.StartNew();
        string started = await Neo4jTestServer.RunScriptAsync($"start --port {url.Port}");
        output.WriteLine($"Restarted at {started} in {clock.Elapsed.TotalSeconds:N1} s");
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed.TotalSeconds;
    }
}
