using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RiskGraph.Api.Tests.Contract;

/// <summary>What an integrator expects of every route: one list envelope, named binding failures, no silently ignored parameter.</summary>
[Collection(TrainedApiCollection.Name)]
public sealed class ConsistencyTests(TrainedApiFixture fixture)
{
    [Theory]
    [InlineData("/api/models")]
    [InlineData("/api/data-quality")]
    [InlineData("/api/audit")]
    public async Task Lists_AnswerTheEnvelope(string path)
    {
        var body = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>(path + "?page=1&page_size=5");
        Assert.Equal(JsonValueKind.Array, body.GetProperty("items").ValueKind);
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(5, body.GetProperty("page_size").GetInt32());
        Assert.True(body.GetProperty("total").GetInt64() >= body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task UnknownQueryParameter_Is400NamingIt_AndWhatTheRouteTakes()
    {
        var response = await fixture.Factory.CreateClient().GetAsync($"/api/enterprises?query={fixture.Usccs[0][..6]}&pagesize=5");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        string message = problem.GetProperty("errors").GetProperty("pagesize")[0].GetString()!;
        Assert.Contains("page_size", message);
        // Names compare without case, as binding does.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.CreateClient().GetAsync($"/api/enterprises?Query={fixture.Usccs[0][..6]}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/enterprises/{0}/network?depth=x", "depth")]
    [InlineData("/api/enterprises?query=91&page=abc", "page")]
    public async Task NonNumericNumbers_Are400NamingTheField(string template, string field)
    {
        var response = await fixture.Factory.CreateClient().GetAsync(string.Format(template, fixture.Usccs[0]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("{\"usccs\": [", "usccs[0]")]
    [InlineData("[\"91310112602215439L\"]", "body")]
    [InlineData("{\"usccs\": \"91310112602215439L\"}", "usccs")]
    public async Task MalformedOrWronglyShapedJson_Is400SayingWhatWasExpected(string json, string field)
    {
        var response = await fixture.Factory.CreateClient().PostAsync("/api/warnings/batch", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains("JSON", messages[0].GetString());
    }

    [Fact]
    public async Task Root_RedirectsToTheExplorer()
    {
        var client = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/explorer/", response.Headers.Location!.OriginalString);
    }
}
