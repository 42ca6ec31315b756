using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Model.Scoring;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests;

/// <summary>
/// Failures that say so, on a home of its own (the test breaks it): text with a NUL is refused, a corrupted model
/// degrades health and writes say reflected: false, and the service recovers once the file is restored
/// without another write; a store file deleted under the API is unhealthy and refuses writes (503) instead of
/// writing into the deleted file.
/// </summary>
public sealed class FailureModeTests : IAsyncLifetime
{
    private TrainedHome _trained = null!;
    private RiskGraphApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _trained = await TrainedHome.CreateAsync(enterprises: 800, seed: 31, new(Seed: 31, NumberOfTrees: 20));
        _factory = new RiskGraphApiFactory(_trained.Home.Root, settings: new Dictionary<string, string?> { ["RiskGraph:ChangePollMilliseconds"] = "100" });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _trained.Dispose();
    }

    private async Task<JsonElement> HealthWhenAsync(HttpClient client, Func<JsonElement, bool> condition, string what)
    {
        JsonElement health = default;
        for (int i = 0; i < 300; i++)
        {
            var response = await client.GetAsync("/health");
            health = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (condition(health)) return health;
            await Task.Delay(100);
        }
        Assert.Fail($"health never showed {what}: {health}");
        return health;
    }

    private static Dictionary<string, object?> Fine(string id, string uscc) => new()
    {
        ["record_id"] = id, ["uscc"] = uscc, ["kind"] = "fine", ["amount"] = 900_000, ["decision_date"] = "2025-10-01",
        ["publication_date"] = "2025-10-02", ["department"] = "测试局",
    };

    [Fact]
    public async Task BrokenModelAndDeletedStore_AreReportedAndRefused_AndTheModelRecoversWhenRestored()
    {
        var client = _factory.CreateClient();
        var service = _factory.Services.GetRequiredService<WarningService>();
        string uscc = service.Snapshot!.Ids.KeyOf(3), other = service.Snapshot.Ids.KeyOf(4);

        var nul = await client.PostAsJsonAsync("/api/objections", new { record_id = "X", filed_by = "企业", reason = "理由\u0000后面" });
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Contains("reason", await nul.Content.ReadAsStringAsync());

        string model = Path.Combine(new ModelRegistry(_trained.Home).FolderOf(new ModelRegistry(_trained.Home).ActiveVersion()!), WarningModel.ModelFileName);
        byte[] good = await File.ReadAllBytesAsync(model);
        await File.WriteAllBytesAsync(model, good[..(good.Length / 3)]);
        // A structural write makes the service rebuild, which has to load the model again.
        var link = new Dictionary<string, object?> { ["supplier_uscc"] = uscc, ["buyer_uscc"] = other, ["annual_amount"] = 10 };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/relations", new { supply_links = new[] { link } })).StatusCode);
        await HealthWhenAsync(client, h => h.GetProperty("checks").GetProperty("model").GetProperty("status").GetString() == "degraded", "the model degraded");
        // A record is stored, but cannot be served before the structure change ahead of it: the answer says so.
        var penalty = await client.PostAsJsonAsync("/api/records", new { penalties = new[] { Fine("FM-0001", uscc) } });
        Assert.Equal(HttpStatusCode.OK, penalty.StatusCode);
        Assert.False((await penalty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reflected").GetBoolean());

        await File.WriteAllBytesAsync(model, good);
        await HealthWhenAsync(client, h => h.GetProperty("status").GetString() == "healthy", "recovery after the model was restored");
        // Recovered without another write: the record is served.
        var credit = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit");
        Assert.Contains(credit.GetProperty("penalties").EnumerateArray(), p => p.GetProperty("record_id").GetString() == "FM-0001");

        foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(_trained.Home.StorePath + suffix);
        var refused = await client.PostAsJsonAsync("/api/records", new { penalties = new[] { Fine("FM-0002", uscc) } });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.False(File.Exists(_trained.Home.StorePath));
        var health = await HealthWhenAsync(client, h => h.GetProperty("status").GetString() == "unhealthy", "the deleted store");
        Assert.Contains("deleted", health.GetProperty("checks").GetProperty("store").GetProperty("description").GetString());
    }
}
