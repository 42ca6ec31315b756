using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Security;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Training.Tests.Support;
using static RiskGraph.Api.Tests.Monitoring.MonitoringApiFixture;

namespace RiskGraph.Api.Tests.Monitoring;

/// <summary>Events are kept in the store: after a restart the feed has the same events in the same order, plus those of writes made while no API ran.</summary>
public sealed class WatchRestartTests : IAsyncLifetime
{
    private TrainedHome _trained = null!;

    public async Task InitializeAsync() => _trained = await TrainedHome.CreateAsync(enterprises: 2_000, seed: 37);

    public Task DisposeAsync()
    {
        _trained.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheFeedSurvivesARestart_InOrderWithTheSameIds_AndWritesMadeWhileDownRaiseTheirEvents()
    {
        string key, id, neighbour;
        JsonElement[] before;
        await using (var first = new RiskGraphApiFactory(_trained.Home.Root, settings: Settings))
        {
            key = first.KeyFor(ApiRole.Analyst);
            var snapshot = first.Services.GetRequiredService<WarningService>().Snapshot!;
            (string member, neighbour) = MemberWithSupplier(snapshot, 0);
            var analyst = first.CreateClientFor(ApiRole.Analyst);
            id = await CreateListAsync(analyst, "重启", 1, member);
            await first.CreateClientFor(ApiRole.CreditOfficer).PostAsJsonAsync("/api/records", new { penalties = new[] { Fine("RS-1", neighbour, 20_000) } });
            await WaitForEventAsync(analyst, id, e => e.GetProperty("record_id").GetString() == "RS-1");
            before = (await analyst.GetFromJsonAsync<JsonElement>($"/api/watchlists/{id}/events")).GetProperty("items").EnumerateArray().ToArray();
        }

        // No API runs: a CLI or another system writes a penalty on the same neighbour.
        await using (var store = new SqliteGraphStore(_trained.Home.StorePath))
        {
            await store.UpsertAsync<Penalty>([new("RS-2", neighbour, PenaltyKind.Fine, 30_000, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 2), "市场监管局")]);
        }

        await using var second = new RiskGraphApiFactory(_trained.Home.Root, settings: Settings, keyPrefix: "second");
        var client = second.CreateClientFor(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        await WaitForEventAsync(client, id, e => e.GetProperty("record_id").GetString() == "RS-2");
        var after = (await client.GetFromJsonAsync<JsonElement>($"/api/watchlists/{id}/events")).GetProperty("items").EnumerateArray().ToArray();

        Assert.Equal(before.Select(e => (e.GetProperty("id").GetString(), e.GetProperty("cursor").GetString())),
            after.Take(before.Length).Select(e => (e.GetProperty("id").GetString(), e.GetProperty("cursor").GetString())));
        long[] cursors = after.Select(e => long.Parse(e.GetProperty("cursor").GetString()!)).ToArray();
        Assert.Equal(cursors.Order(), cursors);
        Assert.Equal(cursors.Length, cursors.Distinct().Count());
        Assert.Single(after, e => e.GetProperty("record_id").GetString() == "RS-1" && e.GetProperty("kind").GetString() == "penalty");
    }
}
