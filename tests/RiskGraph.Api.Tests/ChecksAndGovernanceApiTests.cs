using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;

namespace RiskGraph.Api.Tests;

[Collection(TrainedApiCollection.Name)]
public class ChecksAndGovernanceApiTests(TrainedApiFixture fixture)
{
    private string FirstOfClass(CreditClass wanted)
    {
        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        return snapshot.Ids.KeyOf(Array.IndexOf(snapshot.Classes, wanted));
    }

    [Theory]
    [InlineData("subsidy", "no_government_funding")]
    [InlineData("approval", "no_facilitation")]
    [InlineData("honours", "no_honours")]
    [InlineData("procurement", "restricted_public_resource_trading")]
    [InlineData("bidding", "restricted_public_resource_trading")]
    [InlineData("financing", "no_government_funding")]
    public async Task ASeriouslyDishonestApplicant_GetsThePurposesRestriction(string purpose, string restriction)
    {
        string uscc = FirstOfClass(CreditClass.SeriouslyDishonest);
        var response = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/checks", new { uscc, purpose });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("seriously_dishonest", body.GetProperty("credit_class").GetProperty("class").GetString());
        Assert.Equal("black", body.GetProperty("credit_class").GetProperty("colour").GetString());
        Assert.Equal(restriction, Assert.Single(body.GetProperty("restrictions").EnumerateArray()).GetProperty("code").GetString());
        Assert.False(body.GetProperty("commitment_eligibility").GetProperty("eligible").GetBoolean());
        Assert.Equal("key_inspection", body.GetProperty("supervision").GetString());
        Assert.InRange(body.GetProperty("warning").GetProperty("score").GetDouble(), 0, 1);
    }

    [Theory]
    [InlineData("procurement")]
    [InlineData("bidding")]
    [InlineData("subsidy")]
    [InlineData("approval")]
    public async Task AGoodApplicant_HasNoRestrictions(string purpose)
    {
        string uscc = FirstOfClass(CreditClass.Good);
        var body = await (await fixture.Factory.CreateClient().PostAsJsonAsync("/api/checks", new { uscc, purpose })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(body.GetProperty("restrictions").EnumerateArray());
        Assert.True(body.GetProperty("commitment_eligibility").GetProperty("eligible").GetBoolean());
        Assert.Equal("routine_random_inspection", body.GetProperty("supervision").GetString());
    }

    [Theory]
    [InlineData("{\"uscc\":\"@\",\"purpose\":\"lottery\"}", "purpose")]
    [InlineData("{\"uscc\":\"@\"}", "purpose")]
    [InlineData("{\"uscc\":\"91XXX\",\"purpose\":\"bidding\"}", "uscc")]
    public async Task ABadCheck_Is400NamingTheField(string body, string field)
    {
        var content = new StringContent(body.Replace("@", fixture.Usccs[0]), System.Text.Encoding.UTF8, "application/json");
        var response = await fixture.Factory.CreateClient().PostAsync("/api/checks", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task DataQuality_ReportsEverySource_WithTimeliness()
    {
        var sources = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement[]>("/api/data-quality");
        int penalties = File.ReadLines(Path.Combine(fixture.Trained.DataFolder, "penalties.csv")).Count() - 1;

        Assert.NotNull(sources);
        Assert.Equal(penalties, sources.Sum(s => s.GetProperty("penalties").GetInt32()));
        // The generator fills every required field (department, catalogue item, legal basis), so completeness is 1.
        Assert.All(sources, s => Assert.Equal(1.0, s.GetProperty("completeness").GetDouble()));
        var timed = sources.Where(s => s.GetProperty("published_on_time").ValueKind == JsonValueKind.Number).ToArray();
        Assert.NotEmpty(timed);
        Assert.All(timed, s => Assert.InRange(s.GetProperty("published_on_time").GetDouble(), 0, 1));
        Assert.Contains(sources, s => s.GetProperty("late_penalties").GetInt32() > 0);
    }

    [Fact]
    public async Task EveryEnterpriseQuery_IsAudited_AndOnlyAnAdminCanReadTheLog()
    {
        var client = fixture.Factory.CreateClient();
        string uscc = fixture.Usccs[42];
        string requester = "analyst-" + Guid.NewGuid().ToString("N")[..8];
        foreach (string route in new[] { $"/api/enterprises/{uscc}/warning", $"/api/enterprises/{uscc}/credit", $"/api/enterprises/{uscc}/network" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, route);
            request.Headers.Add("X-Requester", requester);
            request.Headers.Add("X-Purpose", "loan review");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
        using (var check = new HttpRequestMessage(HttpMethod.Post, "/api/checks") { Content = JsonContent.Create(new { uscc, purpose = "bidding" }) })
        {
            check.Headers.Add("X-Requester", requester);
            await client.SendAsync(check);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/audit?subject={uscc}")).StatusCode);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/audit?subject={uscc}&limit=50");
        read.Headers.Add("X-Api-Key", RiskGraphApiFactory.AdminKey);
        var entries = (await (await client.SendAsync(read)).Content.ReadFromJsonAsync<JsonElement[]>())!.Where(e => e.GetProperty("requester").GetString() == requester).ToArray();

        Assert.Equal(4, entries.Length);
        Assert.Equal(3, entries.Count(e => e.GetProperty("purpose").GetString() == "loan review"));
        Assert.Contains(entries, e => e.GetProperty("purpose").GetString() == "bidding" && e.GetProperty("method").GetString() == "POST");
        Assert.All(entries, e => Assert.Equal(200, e.GetProperty("status").GetInt32()));
        Assert.Contains(entries, e => e.GetProperty("returned").GetString()!.StartsWith("warning score"));
    }
}
