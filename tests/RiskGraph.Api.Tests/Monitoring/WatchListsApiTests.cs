using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Security;
using static RiskGraph.Api.Tests.Monitoring.MonitoringApiFixture;

namespace RiskGraph.Api.Tests.Monitoring;

/// <summary>Watch lists through the API: ownership, validation, events on the feed with their path, history and summary.</summary>
public class WatchListsApiTests(MonitoringApiFixture fixture) : IClassFixture<MonitoringApiFixture>
{
    private static readonly string Absent = RiskGraph.Model.Domain.Uscc.Compose('9', '1', "310115", "MA1K3YJ40");

    [Fact]
    public async Task AListIsCreatedReadChangedAndDeleted_AndAnotherPrincipalGets404Everywhere()
    {
        var analyst = fixture.Factory.CreateClientFor(ApiRole.Analyst);
        var other = fixture.Factory.CreateClientFor(ApiRole.CreditOfficer);
        var (member, neighbour) = fixture.MemberWithSupplier();
        string id = await CreateListAsync(analyst, "贷后监测", 1, member, member);

        var read = await analyst.GetFromJsonAsync<JsonElement>($"/api/watchlists/{id}");
        Assert.Equal((1, 1), (read.GetProperty("member_count").GetInt32(), read.GetProperty("radius").GetInt32()));
        Assert.Equal(new[] { member }, read.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        var added = await (await analyst.PostAsJsonAsync($"/api/watchlists/{id}/members", new { members = new[] { neighbour, Absent } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, added.GetProperty("member_count").GetInt32());
        Assert.Equal(new[] { Absent }, added.GetProperty("not_found").EnumerateArray().Select(m => m.GetString()));
        var removed = await (await analyst.PostAsJsonAsync($"/api/watchlists/{id}/members/remove", new { members = new[] { Absent } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, removed.GetProperty("member_count").GetInt32());
        var mine = await analyst.GetFromJsonAsync<JsonElement>("/api/watchlists");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetString() == id);

        // Object-level authorization: to another principal the list does not exist.
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/watchlists");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetString() == id);
        foreach (var request in new[]
                 {
                     new HttpRequestMessage(HttpMethod.Get, $"/api/watchlists/{id}"), new HttpRequestMessage(HttpMethod.Get, $"/api/watchlists/{id}/events"),
                     new HttpRequestMessage(HttpMethod.Get, $"/api/watchlists/{id}/summary"), new HttpRequestMessage(HttpMethod.Get, $"/api/watchlists/{id}/stream"),
                     new HttpRequestMessage(HttpMethod.Get, $"/api/watchlists/{id}/webhooks"), new HttpRequestMessage(HttpMethod.Delete, $"/api/watchlists/{id}"),
                     new HttpRequestMessage(HttpMethod.Post, $"/api/watchlists/{id}/members") { Content = JsonContent.Create(new { members = new[] { member } }) },
                     new HttpRequestMessage(HttpMethod.Post, $"/api/watchlists/{id}/webhooks") { Content = JsonContent.Create(new { url = "http://127.0.0.1:9/" }) },
                 })
        {
            var response = await other.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{request.Method} {request.RequestUri}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/watchlists/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/watchlists/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/watchlists/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"x","members":["91310112602215439L"],"radius":3}""", "radius")]
    [InlineData("""{"name":"x","members":["91310112602215439L","not-a-code"]}""", "members[1]")]
    [InlineData("""{"name":"x","members":[],"min_level":"severe"}""", "min_level")]
    [InlineData("""{"name":"","members":[]}""", "name")]
    public async Task ABadListIs400NamingTheField(string body, string field)
    {
        var response = await fixture.Factory.CreateClientFor(ApiRole.Analyst)
            .PostAsync("/api/watchlists", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Fact]
    public async Task MoreThan100000MembersAreRefused()
    {
        var members = Enumerable.Repeat("91310112602215439L", 100_001).ToArray();
        var response = await fixture.Factory.CreateClientFor(ApiRole.Analyst).PostAsJsonAsync("/api/watchlists", new { name = "too many", members });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("members", out _));
    }

    [Fact]
    public async Task APenaltyOnANeighbour_IsReadFromTheFeedWithItsPath_AndTheNeighboursHistoryShowsTheClassChange()
    {
        var analyst = fixture.Factory.CreateClientFor(ApiRole.Analyst);
        var officer = fixture.Factory.CreateClientFor(ApiRole.CreditOfficer);
        var (member, neighbour) = fixture.MemberWithSupplier();
        string id = await CreateListAsync(analyst, "供应链", 1, member);
        string record = "沪市监罚〔2025〕" + Guid.NewGuid().ToString("N")[..6] + "号";

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync("/api/records", new { penalties = new[] { Fine(record, neighbour, 100_000) } })).StatusCode);

        var penalty = await WaitForEventAsync(analyst, id, e => e.GetProperty("kind").GetString() == "penalty");
        Assert.Equal((member, neighbour, record), (penalty.GetProperty("member").GetString(), penalty.GetProperty("enterprise").GetString(),
            penalty.GetProperty("record_id").GetString()));
        var nodes = penalty.GetProperty("path").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToArray();
        Assert.Equal(new[] { member, neighbour }, nodes);
        Assert.Equal("SUPPLIES_TO", Assert.Single(penalty.GetProperty("path").GetProperty("edges").EnumerateArray()).GetProperty("type").GetString());
        Assert.True(penalty.GetProperty("change_sequence").GetInt64() > 0);
        var change = await WaitForEventAsync(analyst, id, e => e.GetProperty("kind").GetString() == "class_change");
        Assert.Equal("dishonest", change.GetProperty("detail").GetProperty("class_after").GetString());

        // The cursor pages on: nothing after the last event, and the same ids come back from the start.
        var all = await analyst.GetFromJsonAsync<JsonElement>($"/api/watchlists/{id}/events");
        string next = all.GetProperty("next_cursor").GetString()!;
        Assert.Empty((await analyst.GetFromJsonAsync<JsonElement>($"/api/watchlists/{id}/events?after={next}")).GetProperty("items").EnumerateArray());
        Assert.Contains(all.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString() == penalty.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync($"/api/watchlists/{id}/events?after=abc")).StatusCode);

        var history = await analyst.GetFromJsonAsync<JsonElement>($"/api/enterprises/{neighbour}/history");
        var point = Assert.Single(history.GetProperty("points").EnumerateArray(), p => p.GetProperty("class_after").GetString() == "dishonest");
        Assert.Equal("good", point.GetProperty("class_before").GetString());
        Assert.Contains(point.GetProperty("causes").EnumerateArray(), c => c.GetProperty("record_id").GetString() == record);
        Assert.Equal("dishonest", history.GetProperty("current").GetProperty("credit_class").GetString());

        var summary = await analyst.GetFromJsonAsync<JsonElement>($"/api/watchlists/{id}/summary");
        Assert.Equal(1, summary.GetProperty("members").GetInt32());
        Assert.True(summary.GetProperty("events_last_7_days").GetInt64() >= 2);
        Assert.Equal(1, summary.GetProperty("by_class").EnumerateObject().Sum(p => p.Value.GetInt32()));
    }

    [Fact]
    public async Task ALevelCrossingAfterRescoring_IsAnEventWithScoresLevelsAndTheReasonsThatMovedMost()
    {
        var analyst = fixture.Factory.CreateClientFor(ApiRole.Analyst);
        var service = fixture.Factory.Services.GetRequiredService<WarningService>();
        var scored = service.Current!;
        var s = service.Snapshot!;
        // The good enterprise nearest the top of "low": the records below are then sure to carry it across a level
        // whatever the fixture's model weighs most, and the crossing is what this test is about.
        int e = Enumerable.Range(0, s.EnterpriseCount)
            .Where(i => s.Classes[i] == RiskGraph.Model.Credit.CreditClass.Good && RiskGraph.Model.Scoring.WarningLevels.LevelOf(scored.Probability[i]) == "low")
            .OrderByDescending(i => scored.Probability[i]).First();
        string uscc = s.Ids.KeyOf(e);
        string id = await CreateListAsync(analyst, "评分", 0, uscc);
        var fines = Enumerable.Range(0, 6).Select(i => Fine($"LV-{i}-" + Guid.NewGuid().ToString("N")[..6], uscc, 200_000)).ToArray();
        var entry = new Dictionary<string, object?>
        {
            ["record_id"] = "LV-L-" + Guid.NewGuid().ToString("N")[..6], ["uscc"] = uscc, ["list_type"] = "serious_dishonesty",
            ["valid_from"] = "2025-11-10", ["department"] = "上海市市场监督管理局",
        };
        await fixture.Factory.CreateClientFor(ApiRole.CreditOfficer).PostAsJsonAsync("/api/records", new { penalties = fines, list_entries = new[] { entry } });
        string level = (await analyst.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/warning")).GetProperty("level").GetString()!;
        Assert.True(level != "low", "the records should lift the score out of low for this test to mean anything");

        var crossing = await WaitForEventAsync(analyst, id, x => x.GetProperty("kind").GetString() == "level_crossing");
        var detail = crossing.GetProperty("detail");
        Assert.Equal(("low", level, "up"), (detail.GetProperty("level_before").GetString(), detail.GetProperty("level_after").GetString(),
            detail.GetProperty("direction").GetString()));
        Assert.True(detail.GetProperty("score_after").GetDouble() > detail.GetProperty("score_before").GetDouble());
        Assert.NotEmpty(detail.GetProperty("reasons").EnumerateArray());
        var history = await analyst.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/history");
        Assert.Contains(history.GetProperty("points").EnumerateArray(), p => p.GetProperty("level_after").GetString() == level);
    }
}
