using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Security;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Api.Tests;

/// <summary>
/// A real API process killed (SIGKILL) while it ingests a 10,000-record batch: afterwards the store holds the whole
/// batch or none of it, a batch answered 2xx before the kill is all there, and a restarted API serves exactly what
/// the store holds.
/// </summary>
public class KilledIngestionTests(WritableApiFixture fixture) : IClassFixture<WritableApiFixture>
{
    [Theory]
    [InlineData(150)]
    [InlineData(600)]
    [InlineData(1500)]
    public async Task KilledMidBatch_TheStoreHoldsAllOrNone_AndTheRestartedApiServesTheStore(int killAfterMilliseconds)
    {
        string home = fixture.Trained.Home.Root;
        string key = fixture.Factory.KeyFor(ApiRole.CreditOfficer);
        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        string prefix = $"KILL-{killAfterMilliseconds}-{Guid.NewGuid():N}"[..24];
        var ids = Enumerable.Range(0, 10_000).Select(i => $"{prefix}-{i:D5}").ToArray();
        var penalties = ids.Select((id, i) => new Dictionary<string, object?>
        {
            ["record_id"] = id, ["uscc"] = snapshot.Ids.KeyOf(i % snapshot.EnterpriseCount), ["kind"] = "fine", ["amount"] = 1000,
            ["decision_date"] = "2025-10-01", ["publication_date"] = "2025-10-02", ["department"] = "测试局",
        }).ToArray();

        bool answered;
        await using (var api = await ApiProcess.StartAsync(home))
        {
            using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            client.DefaultRequestHeaders.Add("X-Purpose", "supervision");
            var posting = client.PostAsJsonAsync("/api/records", new { penalties });
            await Task.Delay(killAfterMilliseconds);
            await api.KillAsync();
            // On a fast machine the batch may be answered before the kill: then the answer must have been honest.
            try
            {
                answered = (await posting).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                answered = false;
            }
        }

        int stored;
        await using (var store = new SqliteGraphStore(fixture.Trained.Home.StorePath))
            stored = (await store.ReadByKeysAsync<Penalty>(ids)).Count;
        Assert.True(stored is 0 or 10_000, $"a killed batch left {stored} of its 10,000 records");
        if (answered) Assert.Equal(10_000, stored);

        await using var restarted = await ApiProcess.StartAsync(home);
        using var again = new HttpClient { BaseAddress = new Uri(restarted.BaseUrl) };
        again.DefaultRequestHeaders.Add("X-Api-Key", key);
        again.DefaultRequestHeaders.Add("X-Purpose", "supervision");
        var changes = await again.GetFromJsonAsync<JsonElement>("/api/changes?since=0&limit=1");
        Assert.Equal(changes.GetProperty("latest").GetInt64(), changes.GetProperty("served").GetInt64());
        var credit = await again.GetFromJsonAsync<JsonElement>($"/api/enterprises/{snapshot.Ids.KeyOf(0)}/credit");
        bool served = credit.GetProperty("penalties").EnumerateArray().Any(p => p.GetProperty("record_id").GetString() == ids[0]);
        Assert.Equal(stored == 10_000, served);
    }
}
