using System.Net;
using System.Text.Json;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests.Cluster;

/// <summary>
/// Two real replicas on one store with the model registry in a configured shared folder (RiskGraph:ModelRegistryPath),
/// behind the gateway: a model activated through either is served by both within the model poll, and a replica that
/// falls behind the newest data sequence is taken out of rotation.
/// </summary>
public sealed class SharedRegistryTests
{
    [Fact]
    public async Task AModelActivatedThroughOneReplica_IsServedByBoth_AndAReplicaBehindTheNewestSequenceIsTakenOut()
    {
        using var trained = await TrainedHome.CreateAsync(enterprises: 1_000, seed: 9);
        string home = trained.Home.Root;
        // The registry moves to a shared folder; a second version (a copy of the trained one) to activate.
        string registry = Path.Combine(trained.Root, "shared-registry");
        CopyFolder(trained.Home.ModelsPath, registry);
        string first = File.ReadAllText(Path.Combine(registry, "ACTIVE")).Trim();
        CopyFolder(Path.Combine(registry, first), Path.Combine(registry, "v900"));
        string manifest = Path.Combine(registry, "v900", "model.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"{first}\"", "\"v900\"", StringComparison.Ordinal));
        string probeKey = await CreateKeyAsync(home, "system");
        string adminKey = await CreateKeyAsync(home, "admin");
        var shared = new Dictionary<string, string> { ["RiskGraph__ModelRegistryPath"] = registry, ["RiskGraph__ModelPollSeconds"] = "1" };
        await using var prompt = await ApiProcess.StartAsync(home, new Dictionary<string, string>(shared) { ["RiskGraph__ChangePollMilliseconds"] = "200" });
        // This one follows the change feed only every minute: it falls behind on a write.
        await using var slow = await ApiProcess.StartAsync(home, new Dictionary<string, string>(shared) { ["RiskGraph__ChangePollMilliseconds"] = "60000" });
        await using var gateway = await GatewayProcess.StartAsync(
            new Dictionary<string, string> { ["prompt"] = prompt.BaseUrl, ["slow"] = slow.BaseUrl }, probeKey, maxSequenceLag: 0);
        await WaitUntilAsync(async () => Healthy(await gateway.StatusAsync()).Count == 2, "both replicas in rotation");
        Assert.All(await Task.WhenAll(ReplicaAsync(prompt.BaseUrl, probeKey), ReplicaAsync(slow.BaseUrl, probeKey)),
            h => Assert.Equal(first, h.GetProperty("model_version").GetString()));

        using var admin = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/models/v900/activate", null)).StatusCode);
        await WaitUntilAsync(async () =>
            (await Task.WhenAll(ReplicaAsync(prompt.BaseUrl, probeKey), ReplicaAsync(slow.BaseUrl, probeKey)))
                .All(h => h.GetProperty("model_version").GetString() == "v900"), "both replicas serving v900");
        Assert.Equal("v900", File.ReadAllText(Path.Combine(registry, "ACTIVE")).Trim());
        Assert.False(File.Exists(Path.Combine(trained.Home.ModelsPath, "v900")), "the home's own models folder was used");

        // A write reaches the store; the prompt replica follows, the slow one stays behind and is taken out.
        var imported = await ApiProcess.RunCliAsync(home, "keys", "create", "--name", "moves-the-feed", "--role", "analyst");
        Assert.True(imported.ExitCode == 0, imported.Error);
        await WaitUntilAsync(async () =>
        {
            var status = await gateway.StatusAsync();
            var slowStatus = status.GetProperty("replicas").EnumerateArray().Single(r => r.GetProperty("destination").GetString() == "slow");
            return Healthy(status).SequenceEqual(["prompt"]) && slowStatus.GetProperty("reason").GetString()!.StartsWith("behind", StringComparison.Ordinal);
        }, "the slow replica out of rotation as behind");
    }

    private static List<string> Healthy(JsonElement status) =>
        status.GetProperty("replicas").EnumerateArray().Where(r => r.GetProperty("healthy").GetBoolean())
            .Select(r => r.GetProperty("destination").GetString()!).ToList();

    private static async Task<JsonElement> ReplicaAsync(string baseUrl, string key)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return JsonDocument.Parse(await client.GetStringAsync(baseUrl + "/health")).RootElement
            .GetProperty("checks").GetProperty("replica").GetProperty("data").Clone();
    }

    private static async Task<string> CreateKeyAsync(string home, string role)
    {
        var created = await ApiProcess.RunCliAsync(home, "keys", "create", "--name", $"{role}-{Guid.NewGuid():N}"[..20], "--role", role, "--department", "cluster test");
        Assert.True(created.ExitCode == 0, created.Error);
        return created.Output.TrimEnd().Split('\n')[^1].Trim();
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(250);
        }
        Assert.Fail($"Not reached within 30 s: {what}.");
    }
}
