using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RiskGraph.Api.Tests;

[Collection(TrainedApiCollection.Name)]
public class NetworkAndHealthApiTests(TrainedApiFixture fixture)
{
    [Fact]
    public async Task Network_ListsTypedEdgesBetweenListedNodes_WithoutIdNumbers()
    {
        var client = fixture.Factory.CreateClient();
        string uscc = fixture.Usccs[0];

        var response = await client.GetAsync($"/api/enterprises/{uscc}/network?depth=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        var nodes = body.GetProperty("nodes").EnumerateArray().ToArray();
        var ids = nodes.Select(n => n.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains(nodes, n => n.GetProperty("id").GetString() == uscc && n.GetProperty("hops").GetInt32() == 0);
        Assert.Contains(nodes, n => n.GetProperty("kind").GetString() == "person" && n.GetProperty("id").GetString()!.StartsWith("p_"));
        Assert.All(body.GetProperty("edges").EnumerateArray(), e =>
        {
            Assert.Contains(e.GetProperty("source").GetString(), ids);
            Assert.Contains(e.GetProperty("target").GetString(), ids);
        });
        // Persons appear only under their keyed hash: any 18-character digit run in the answer is an enterprise's USCC.
        var enterpriseIds = nodes.Where(n => n.GetProperty("kind").GetString() == "enterprise").Select(n => n.GetProperty("id").GetString()).ToHashSet();
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text, @"\b\d{17}[\dX]\b"))
            Assert.Contains(match.Value, enterpriseIds);
        var personIds = File.ReadLines(Path.Combine(fixture.Trained.DataFolder, "persons.csv")).Skip(1).Take(200).Select(l => l.Split(',')[0]);
        Assert.All(personIds, id => Assert.DoesNotContain(id, text));
    }

    [Fact]
    public async Task Network_CutAtTheNodeCap_SaysHowManyWereLeftOut()
    {
        var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync($"/api/enterprises/{fixture.Usccs[0]}/network?depth=3&max_nodes=3");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(3, body.GetProperty("nodes").GetArrayLength());
        Assert.True(body.GetProperty("truncated").GetBoolean());
        Assert.True(body.GetProperty("omitted_nodes").GetInt32() > 0);
    }

    [Theory]
    [InlineData("depth=0", "depth")]
    [InlineData("depth=4", "depth")]
    [InlineData("max_nodes=0", "max_nodes")]
    public async Task Network_OutOfRangeQuery_Is400NamingTheField(string query, string field)
    {
        var response = await fixture.Factory.CreateClient().GetAsync($"/api/enterprises/{fixture.Usccs[0]}/network?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Health_ReportsStoreAndModel()
    {
        var body = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("v001", body.GetProperty("checks").GetProperty("model").GetProperty("data").GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Swagger_DocumentsEveryRoute()
    {
        var client = fixture.Factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/enterprises/{uscc}/warning", out _));
        Assert.True(paths.TryGetProperty("/api/warnings/batch", out _));
        Assert.True(paths.TryGetProperty("/api/enterprises/{uscc}/network", out _));
        var ui = await client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }
}

[Collection(TrainedApiCollection.Name)]
public class SearchApiTests(TrainedApiFixture fixture)
{
    [Fact]
    public async Task SearchByPartOfTheName_PagesThroughEveryMatch_RiskiestFirst()
    {
        var client = fixture.Factory.CreateClient();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/enterprises?query=有限公司&page_size=50");
        int total = first.GetProperty("total").GetInt32();
        var scores = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("score").GetDouble()).ToArray();

        Assert.True(total > 50);
        Assert.Equal(50, scores.Length);
        Assert.Equal(scores.OrderDescending(), scores);
        var second = await client.GetFromJsonAsync<JsonElement>("/api/enterprises?query=有限公司&page_size=50&page=2");
        Assert.Empty(first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("uscc").GetString())
            .Intersect(second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("uscc").GetString())));
    }

    [Fact]
    public async Task SearchByUsccPrefix_FindsTheEnterprise_WithItsClass()
    {
        string uscc = fixture.Usccs[7];
        var body = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/enterprises?query={uscc[..12]}");
        var item = Assert.Single(body.GetProperty("items").EnumerateArray(), i => i.GetProperty("uscc").GetString() == uscc);
        Assert.Contains(item.GetProperty("colour").GetString(), new[] { "green", "yellow", "red", "black" });
    }

    [Theory]
    [InlineData("query=a", "query")]
    [InlineData("query=有限&page=0", "page")]
    [InlineData("query=有限&page_size=101", "page_size")]
    public async Task BadSearch_Is400NamingTheField(string queryString, string field)
    {
        var response = await fixture.Factory.CreateClient().GetAsync($"/api/enterprises?{queryString}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
