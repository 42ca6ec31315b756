using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests.Security;

/// <summary>OWASP API4:2023 Unrestricted Resource Consumption: rate limits per principal, body size, network cost.</summary>
[Collection(SecuredApiCollection.Name)]
public class ResourceConsumptionTests(SecuredApiFixture fixture)
{
    [Fact]
    public async Task API4_APrincipalOverItsRolesBucket_Gets429WithRetryAfter_WhileAnotherPrincipalIsServed()
    {
        await using var limited = new RiskGraphApiFactory(fixture.Trained.Home.Root, settings: new Dictionary<string, string?>
        {
            ["RiskGraph:RateLimits:Analyst:Burst"] = "5",
            ["RiskGraph:RateLimits:Analyst:PerSecond"] = "1",
        }, keyPrefix: "limited");
        var analyst = limited.CreateClientFor(ApiRole.Analyst);
        string uscc = fixture.Enterprise(1).Uscc;
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (int i = 0; i < 12; i++)
        {
            var response = await analyst.GetAsync($"/api/enterprises/{uscc}/warning");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 5, 7);
        Assert.NotNull(refused);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        // Buckets are per principal: the system caller is not throttled by the analyst's use.
        Assert.Equal(HttpStatusCode.OK, (await limited.CreateClientFor(ApiRole.System).GetAsync($"/api/enterprises/{uscc}/warning")).StatusCode);
    }

    [Theory]
    [InlineData(3, 5000)]
    [InlineData(2, 3001)]
    public async Task API4_ANetworkWhoseDepthTimesNodeCapIsTooLarge_Is400NamingMaxNodes(int depth, int maxNodes)
    {
        var response = await fixture.Factory.CreateClientFor(ApiRole.Analyst).GetAsync(
            $"/api/enterprises/{fixture.Enterprise(0).Uscc}/network?depth={depth}&max_nodes={maxNodes}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("max_nodes", out _));
    }

    [Fact]
    public async Task API4_ABodyOverTheLimit_Is413_OnKestrel()
    {
        await using var api = await ApiProcess.StartAsync(fixture.Trained.Home.Root, new Dictionary<string, string>
        {
            ["RiskGraph__Limits__MaxRequestBodyBytes"] = "65536",
        });
        using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", fixture.Factory.KeyFor(ApiRole.System));
        var usccs = Enumerable.Repeat(fixture.Enterprise(0).Uscc, 5_000).ToArray();

        var response = await client.PostAsJsonAsync("/api/warnings/batch", new { usccs });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var small = await client.PostAsJsonAsync("/api/warnings/batch", new { usccs = usccs.Take(10) });
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }
}
