using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RiskGraph.Api.Tests;

[Collection(TrainedApiCollection.Name)]
public class AnalyticsApiTests(TrainedApiFixture fixture)
{
    [Theory]
    [InlineData("cross_industry", "industry")]
    [InlineData("cross_region", "region")]
    public async Task Alerts_AreRankedByScore_AndTheirPathsCrossTheBoundary(string kind, string field)
    {
        var body = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/alerts?kind={kind}&top=15");
        var items = body.GetProperty("items").EnumerateArray().ToArray();

        Assert.NotEmpty(items);
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToArray();
        Assert.Equal(scores.OrderDescending(), scores);
        foreach (var alert in items)
        {
            Assert.NotEqual(alert.GetProperty(field).GetString(), alert.GetProperty("target").GetProperty(field).GetString());
            var nodes = alert.GetProperty("path").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToArray();
            Assert.Equal(alert.GetProperty("uscc").GetString(), nodes[0]);
            Assert.Equal(alert.GetProperty("target").GetProperty("uscc").GetString(), nodes[^1]);
            Assert.Equal(nodes.Length - 1, alert.GetProperty("path").GetProperty("edges").GetArrayLength());
            Assert.NotEmpty(alert.GetProperty(kind == "cross_industry" ? "crossed_industries" : "crossed_regions").EnumerateArray());
            Assert.Contains(alert.GetProperty("target").GetProperty("credit_class").GetString(), new[] { "dishonest", "seriously_dishonest" });
        }
    }

    [Fact]
    public async Task Alerts_ForOneRegion_OnlyStartThere()
    {
        var client = fixture.Factory.CreateClient();
        var all = await client.GetFromJsonAsync<JsonElement>("/api/alerts?kind=cross_region&top=5");
        string region = all.GetProperty("items")[0].GetProperty("region").GetString()!;
        var filtered = await client.GetFromJsonAsync<JsonElement>($"/api/alerts?kind=cross_region&top=50&region={region}");
        Assert.All(filtered.GetProperty("items").EnumerateArray(), i => Assert.Equal(region, i.GetProperty("region").GetString()));
    }

    [Theory]
    [InlineData("kind=sideways", "kind")]
    [InlineData("top=5", "kind")]
    [InlineData("kind=cross_region&top=0", "top")]
    [InlineData("kind=cross_region&top=201", "top")]
    public async Task BadAlertQueries_Are400NamingTheField(string query, string field)
    {
        var response = await fixture.Factory.CreateClient().GetAsync($"/api/alerts?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Controllers_ListHoldersWithIntegratedSharesAndPaths()
    {
        var client = fixture.Factory.CreateClient();
        JsonElement? found = null;
        foreach (string uscc in fixture.Usccs.Take(300))
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/controllers");
            if (body.GetProperty("controllers").GetArrayLength() > 0) { found = body; break; }
        }
        Assert.True(found.HasValue, "some enterprise among the first 300 has a controller");
        var controller = found.Value.GetProperty("controllers")[0];
        Assert.InRange(controller.GetProperty("share").GetDouble(), 0.25, 1.0 + 1e-9);
        var path = controller.GetProperty("paths")[0];
        Assert.Equal(found.Value.GetProperty("uscc").GetString(), path.GetProperty("nodes").EnumerateArray().Last().GetProperty("id").GetString());
        double product = path.GetProperty("shares").EnumerateArray().Aggregate(1.0, (p, s) => p * s.GetDouble());
        Assert.Equal(product, path.GetProperty("share").GetDouble(), 5);
    }

    [Fact]
    public async Task Exposure_CountsRiskyEnterprisesByHopAndRelation()
    {
        var client = fixture.Factory.CreateClient();
        string uscc = fixture.Usccs[3];
        var two = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/exposure?hops=2");
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/exposure?hops=1");

        Assert.Equal(2, two.GetProperty("risky_by_hop").GetArrayLength());
        Assert.Equal(two.GetProperty("risky_enterprises").GetInt32(), two.GetProperty("risky_by_hop").EnumerateArray().Sum(h => h.GetInt32()));
        Assert.True(two.GetProperty("reached_enterprises").GetInt32() >= one.GetProperty("reached_enterprises").GetInt32());
        Assert.Equal(one.GetProperty("risky_enterprises").GetInt32(), two.GetProperty("risky_by_hop")[0].GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/enterprises/{uscc}/exposure?hops=4")).StatusCode);
    }

    [Fact]
    public async Task Community_DescribesItsMembers()
    {
        var body = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/enterprises/{fixture.Usccs[0]}/community");
        int members = body.GetProperty("enterprises").GetInt32();
        Assert.True(members >= 1);
        Assert.Equal(members, body.GetProperty("industries").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.InRange(body.GetProperty("negative_share").GetDouble(), 0, 1);
        Assert.InRange(body.GetProperty("modularity").GetDouble(), 0, 1);
    }
}
