using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage.Neo4j;
using RiskGraph.Training.Pipelines;
using RiskGraph.Training.Synthetic;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests;

public sealed class Neo4jFactAttribute : FactAttribute
{
    public Neo4jFactAttribute()
    {
        Skip = PrivateNeo4jServer.SkipReason;
    }
}

public class Neo4jStoreApiTests
{
    [Neo4jFact]
    public async Task WithNeo4jDown_WarningsKeepComing_HealthIsDegraded_WritesAre503_AndItRecoversByItself()
    {
        await using var server = new PrivateNeo4jServer();
        await server.StartAsync();
        string root = Path.Combine(Path.GetTempPath(), "riskgraph-tests", Guid.NewGuid().ToString("N"));
        string data = Path.Combine(root, "data");
        var home = new RiskGraph.Model.RiskGraphHome(Path.Combine(root, "home")).EnsureExists();
        SyntheticGraphGenerator.Generate(new SyntheticOptions(1_000, 17), data);
        var options = new Neo4jOptions { Url = server.Url, Password = "riskgraph", MaxRetries = 1 };
        await using (var store = new Neo4jGraphStore(options))
        {
            await new CsvImporter(store, new PersonKeyHasher(new byte[32])).ImportFolderAsync(data);
            await TrainingRun.RunAsync(home, store, new WarningTrainerOptions(Seed: 17, NumberOfTrees: 30));
        }

        await using var proxy = new TcpProxy(server.Port);
        proxy.Start();
        await using var factory = new RiskGraphApiFactory(home.Root, settings: new Dictionary<string, string?>
        {
            ["RiskGraph:Store"] = "neo4j",
            ["Neo4j:Url"] = $"http://127.0.0.1:{proxy.Port}",
            ["Neo4j:Password"] = "riskgraph",
            ["Neo4j:MaxRetries"] = "1",
        });
        var client = factory.CreateClient();
        string uscc = File.ReadLines(Path.Combine(data, "enterprises.csv")).Skip(1).First().Split(',')[0];
        string record = File.ReadLines(Path.Combine(data, "penalties.csv")).Skip(1).First().Split(',')[0];

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/enterprises/{uscc}/warning")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/enterprises/{uscc}/network")).StatusCode);
        Assert.Equal("healthy", await StoreStatusAsync(client));

        proxy.Stop();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/enterprises/{uscc}/warning")).StatusCode);
        Assert.Equal("degraded", await StoreStatusAsync(client));
        var write = await client.PostAsJsonAsync("/api/repairs", new { record_id = record, method = "credit_report", decided_by = "d", reason = "r" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        Assert.Equal("Store unavailable", (await write.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        proxy.Start();
        Assert.Equal("healthy", await StoreStatusAsync(client));
        var retried = await client.PostAsJsonAsync("/api/repairs", new { record_id = record, method = "credit_report", decided_by = "d", reason = "r" });
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Directory.Delete(root, recursive: true);
    }

    private static async Task<string?> StoreStatusAsync(HttpClient client)
    {
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("checks").GetProperty("store").GetProperty("status").GetString();
    }
}
