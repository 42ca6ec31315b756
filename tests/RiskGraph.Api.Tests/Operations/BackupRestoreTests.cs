using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests.Operations;

/// <summary>
/// backup while the API runs and answers (so the audit log is being written), restore into an empty home, and the
/// restored home is the same service: counts, an intact audit chain with every entry, the same scores.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task OnlineBackup_RestoresIntoAnEmptyHome_WithSameCountsAuditChainAndScores()
    {
        using var trained = await TrainedHome.CreateAsync(enterprises: 1_200, seed: 9);
        string source = trained.Home.Root;
        string restored = Path.Combine(trained.Root, "restored");
        string archive = Path.Combine(trained.Root, "backup.zip");
        string[] usccs = File.ReadLines(Path.Combine(trained.DataFolder, "enterprises.csv")).Skip(1).Take(25).Select(l => l.Split(',')[0]).ToArray();
        var created = await ApiProcess.RunCliAsync(source, "keys", "create", "--name", "ops", "--role", "analyst");
        RiskGraph.Model.Identity.PersonKeyHasher.ForHome(trained.Home); // the home's person key, as its first person write makes it
        string key = created.Output.Trim().Split('\n')[^1].Trim();

        double[] before;
        // The load below asks as fast as it can; the analyst's token bucket is not what this test is about.
        var unlimited = new Dictionary<string, string>
        {
            ["RiskGraph__RateLimits__Analyst__Burst"] = "100000000", ["RiskGraph__RateLimits__Analyst__PerSecond"] = "100000000",
        };
        await using (var api = await ApiProcess.StartAsync(source, unlimited))
        {
            using var client = Client(api, key);
            // Requests keep arriving while the backup runs: the copy must still be consistent.
            using var stop = new CancellationTokenSource();
            var load = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested) await client.GetAsync($"/api/enterprises/{usccs[0]}/warning");
            });
            var backup = await ApiProcess.RunCliAsync(source, "backup", "--out", archive);
            stop.Cancel();
            await load;
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Contains("written to", backup.Output);
            before = await ScoresAsync(client, usccs);
        }

        var refused = await ApiProcess.RunCliAsync(source, "restore", archive);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not empty", refused.Error);

        var restore = await ApiProcess.RunCliAsync(restored, "restore", archive);
        Assert.True(restore.ExitCode == 0, restore.Error);

        foreach (string table in new[] { "enterprise", "person", "shareholding", "penalty", "list_entry", "api_key", "change_log" })
            Assert.Equal(Count(Path.Combine(source, "store.db"), table), Count(Path.Combine(restored, "store.db"), table));
        var verify = await ApiProcess.RunCliAsync(restored, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.True(Count(Path.Combine(restored, "audit.db"), "audit_log") > 0);
        // The person key (created on first use) comes along, or persons would hash to other keys after a restore.
        string personKey = Path.Combine(source, "person-key.secret");
        Assert.True(File.Exists(personKey));
        Assert.Equal(File.ReadAllBytes(personKey), File.ReadAllBytes(Path.Combine(restored, "person-key.secret")));

        await using (var api = await ApiProcess.StartAsync(restored))
        {
            using var client = Client(api, key);
            Assert.Equal(before, await ScoresAsync(client, usccs));
        }
    }

    private static HttpClient Client(ApiProcess api, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<double[]> ScoresAsync(HttpClient client, string[] usccs)
    {
        var batch = await client.PostAsJsonAsync("/api/warnings/batch", new { usccs });
        batch.EnsureSuccessStatusCode();
        var body = await batch.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("score").GetDouble()).ToArray();
    }

    private static long Count(string database, string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
