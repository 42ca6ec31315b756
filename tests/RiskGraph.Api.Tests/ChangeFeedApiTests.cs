using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Api.Tests;

/// <summary>The change feed through the API: writes from another process are seen and followed; a write says its sequence.</summary>
public class ChangeFeedApiTests(WritableApiFixture fixture) : IClassFixture<WritableApiFixture>
{
    [Fact]
    public async Task AWriteByAnotherProcess_AppearsInTheFeed_AndTheServedStateFollowsIt_WithinAFewPolls()
    {
        var client = fixture.Factory.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/changes?since=0&limit=1000");
        long latest = before.GetProperty("latest").GetInt64();
        Assert.True(latest > 0, "the import's files are in the feed");
        string uscc = File.ReadLines(Path.Combine(fixture.Trained.DataFolder, "enterprises.csv")).Skip(5).First().Split(',')[0];
        var enterprise = (await fixture.Factory.Store.FindEnterpriseAsync(uscc))!;

        // Another writer of the same file (as the CLI would be): a store object of its own.
        await using (var other = new SqliteGraphStore(fixture.Trained.Home.StorePath))
            await other.UpsertAsync([enterprise with { Name = enterprise.Name + "（更名）" }]);

        var after = await client.GetFromJsonAsync<JsonElement>($"/api/changes?since={latest}");
        var change = Assert.Single(after.GetProperty("changes").EnumerateArray());
        Assert.Equal(latest + 1, change.GetProperty("sequence").GetInt64());
        Assert.Equal("Enterprise", change.GetProperty("record_type").GetString());
        Assert.Equal([uscc], change.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? name = null;
        while (DateTime.UtcNow < deadline)
        {
            name = (await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/warning")).GetProperty("name").GetString();
            if (name!.EndsWith("（更名）")) break;
            await Task.Delay(200);
        }
        Assert.EndsWith("（更名）", name);
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.True(health.GetProperty("checks").GetProperty("model").GetProperty("data").GetProperty("data_sequence").GetInt64() >= latest + 1);
    }

    [Theory]
    [InlineData("since=-1", "since")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("since=abc", "since")]
    public async Task BadFeedParameters_Are400NamingTheField(string query, string field)
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/api/changes?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
