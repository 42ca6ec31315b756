using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Training.Tests.Support;
using Xunit.Abstractions;

namespace RiskGraph.Api.Tests.Cluster;

/// <summary>
/// Three real API processes on one shared home behind the real gateway, on loopback: warnings driven through the
/// gateway while the analytics lease holder is killed (kill -9) and later restarted; one refresher elected by the
/// store lease, the others loading what it published.
/// </summary>
public sealed class ClusterGatewayTests(ITestOutputHelper output)
{
    private const int LeaseSeconds = 3;

    [Fact]
    public async Task KillingTheLeaseHolderMidRun_FailsNoRetryableRequest_AnotherReplicaTakesTheLease_AndTheKilledOneRejoins()
    {
        using var trained = await TrainedHome.CreateAsync(enterprises: 1_500, seed: 5);
        string home = trained.Home.Root;
        string probeKey = await CreateKeyAsync(home, "system");
        string officerKey = await CreateKeyAsync(home, "credit_officer");
        int[] ports = [ApiProcess.FreePort(), ApiProcess.FreePort(), ApiProcess.FreePort()];
        var replicas = await Task.WhenAll(ports.Select((port, i) => ApiProcess.StartAsync(home, Environment(i), port)));
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(
                ports.Select((port, i) => (Id: $"r{i}", Url: $"http://127.0.0.1:{port}")).ToDictionary(d => d.Id, d => d.Url), probeKey);
            await WaitUntilAsync(async () => HealthyReplicas(await gateway.StatusAsync()) == 3, TimeSpan.FromSeconds(60), "all three replicas in rotation");

            // One refresher: the lease holder computed the analytics; the other two loaded what it published.
            var healths = await Task.WhenAll(replicas.Select(r => ReplicaAsync(r.BaseUrl, probeKey)));
            string holder = healths[0].GetProperty("analytics_lease_holder").GetString()!;
            Assert.All(healths, h => Assert.Equal(holder, h.GetProperty("analytics_lease_holder").GetString()));
            int holderIndex = Array.FindIndex(healths, h => h.GetProperty("replica_id").GetString() == holder);
            Assert.True(holderIndex >= 0, $"the lease holder {holder} is none of the replicas");
            AssertOneRefresher(healths, holder);

            // Warnings through the gateway, by four callers, while the holder dies and comes back.
            string[] usccs = File.ReadLines(Path.Combine(trained.DataFolder, "enterprises.csv")).Skip(1).Take(300).Select(l => l.Split(',')[0]).ToArray();
            var load = new WarningLoad(gateway.BaseUrl, probeKey, usccs);
            var driving = load.RunAsync(callers: 4);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await replicas[holderIndex].KillAsync();
            output.WriteLine($"killed the lease holder r{holderIndex} after {load.Total} requests");

            // Another replica takes the lease once it expires.
            var survivors = replicas.Where((_, i) => i != holderIndex).ToArray();
            string? successor = null;
            await WaitUntilAsync(async () =>
            {
                var seen = await Task.WhenAll(survivors.Select(r => ReplicaAsync(r.BaseUrl, probeKey)));
                var ids = seen.Select(h => h.GetProperty("replica_id").GetString()).ToHashSet();
                successor = seen[0].GetProperty("analytics_lease_holder").GetString();
                return successor != holder && ids.Contains(successor) && seen.All(h => h.GetProperty("analytics_lease_holder").GetString() == successor);
            }, TimeSpan.FromSeconds(LeaseSeconds * 5), "a surviving replica holding the lease");

            replicas[holderIndex] = await ApiProcess.StartAsync(home, Environment(holderIndex), ports[holderIndex]);
            await WaitUntilAsync(async () => HealthyReplicas(await gateway.StatusAsync()) == 3, TimeSpan.FromSeconds(60), "the restarted replica back in rotation");
            int beforeRejoinEnd = load.Total;
            await Task.Delay(TimeSpan.FromSeconds(2));
            await load.StopAsync(driving);

            var status = await gateway.StatusAsync();
            output.WriteLine($"requests {load.Total}, answered 200: {load.Succeeded}, failed at the client: {load.Failed}; " +
                $"gateway: forwarded {status.GetProperty("forwarded").GetInt64()}, retried {status.GetProperty("retried").GetInt64()}, " +
                $"failed unretried {status.GetProperty("failed_unretried").GetInt64()}, failed after retries {status.GetProperty("failed_after_retries").GetInt64()}");
            Assert.True(load.Total - beforeRejoinEnd > 0, "no requests after the rejoin");
            Assert.True(load.Succeeded > 100, $"only {load.Succeeded} warnings answered");
            // Only what the gateway could not retry may fail: nothing retryable, and every idempotent retry found a replica.
            Assert.Equal(0, status.GetProperty("failed_after_retries").GetInt64());
            Assert.True(load.Failed <= status.GetProperty("failed_unretried").GetInt64(), $"{load.Failed} failures, first: {load.FirstFailure}");

            // The new holder refreshes after the write (due at once, see Environment); the others, the restarted one included,
            // load its result.
            using var officer = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl) };
            officer.DefaultRequestHeaders.Add("X-Api-Key", officerKey);
            var written = await officer.PostAsJsonAsync("/api/records", new { penalties = usccs.Take(8).Select((u, i) => Fine($"cluster-{i}", u)).ToArray() });
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
            long sequence = (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sequence").GetInt64();
            JsonElement[] after = [];
            await WaitUntilAsync(async () =>
            {
                after = await Task.WhenAll(replicas.Select(r => ReplicaAsync(r.BaseUrl, probeKey)));
                return after.All(h => h.GetProperty("data_sequence").GetInt64() >= sequence && h.GetProperty("analytics_sequence").GetInt64() >= sequence);
            }, TimeSpan.FromSeconds(60), $"every replica serving sequence {sequence}, analytics included");
            AssertOneRefresher(after, successor!);
        }
        finally
        {
            foreach (var replica in replicas) await replica.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Environment(int index) => new()
    {
        ["RiskGraph__Replication__AnalyticsLease"] = "true",
        ["RiskGraph__Replication__ReplicaId"] = $"r{index}",
        ["RiskGraph__Replication__LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RiskGraph__ChangePollMilliseconds"] = "300",
        // Writes are applied in place; a whole-graph refresh comes after this many of them (1000 by default), so the
        // test's one write of penalties makes the refresh due at once and shows who recomputes and who loads.
        ["RiskGraph__RefreshAfterChanges"] = "1",
    };

    private static void AssertOneRefresher(JsonElement[] healths, string holder)
    {
        var computed = healths.Where(h => h.GetProperty("analytics_source").GetString() == "computed").ToArray();
        Assert.Single(computed);
        Assert.Equal(holder, computed[0].GetProperty("replica_id").GetString());
        Assert.All(healths.Where(h => h.GetProperty("replica_id").GetString() != holder), h =>
        {
            Assert.Equal("loaded", h.GetProperty("analytics_source").GetString());
            Assert.Equal(holder, h.GetProperty("analytics_by").GetString());
        });
    }

    private static object Fine(string id, string uscc) => new Dictionary<string, object?>
    {
        ["record_id"] = id, ["uscc"] = uscc, ["kind"] = "fine", ["amount"] = 600_000, ["decision_date"] = "2025-11-03",
        ["publication_date"] = "2025-11-05", ["department"] = "上海市市场监督管理局",
    };

    private static int HealthyReplicas(JsonElement status) => status.GetProperty("replicas").EnumerateArray().Count(r => r.GetProperty("healthy").GetBoolean());

    /// <summary>The replica's own /health entry "replica" (its data), asked directly with a key.</summary>
    private static async Task<JsonElement> ReplicaAsync(string baseUrl, string key)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var health = JsonDocument.Parse(await client.GetStringAsync(baseUrl + "/health")).RootElement;
        return health.GetProperty("checks").GetProperty("replica").GetProperty("data").Clone();
    }

    private static async Task<string> CreateKeyAsync(string home, string role)
    {
        var created = await ApiProcess.RunCliAsync(home, "keys", "create", "--name", $"{role}-{Guid.NewGuid():N}"[..20], "--role", role, "--department", "cluster test");
        Assert.True(created.ExitCode == 0, created.Error);
        return created.Output.TrimEnd().Split('\n')[^1].Trim();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return;
            }
            catch (HttpRequestException)
            {
                // A replica restarting: ask again.
            }
            await Task.Delay(250);
        }
        Assert.Fail($"Not reached within {within.TotalSeconds:0} s: {what}.");
    }
}
