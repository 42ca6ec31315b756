using RiskGraph.Model.Security;
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
        return snapshot.Ids.KeyOf(Array.IndexOf(snapshot.Classes.ToArray(), wanted));
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
        var body = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/data-quality?page_size=1000");
        var sources = body.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(sources.Length, body.GetProperty("total").GetInt32());
        Assert.True(body.GetProperty("entity_resolution").GetProperty("enterprises").GetInt32() > 0);
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
    public async Task EveryEnterpriseQuery_IsAuditedUnderTheAuthenticatedPrincipal_NotAHeaderTheCallerChose_AndOnlyAnAdminCanReadTheLog()
    {
        var analyst = fixture.Factory.CreateClientFor(ApiRole.Analyst, purpose: "loan_review");
        string uscc = fixture.Usccs[42];
        foreach (string route in new[] { $"/api/enterprises/{uscc}/warning", $"/api/enterprises/{uscc}/credit", $"/api/enterprises/{uscc}/network" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, route);
            request.Headers.Add("X-Requester", "somebody-else");
            Assert.Equal(HttpStatusCode.OK, (await analyst.SendAsync(request)).StatusCode);
        }
        var check = await analyst.PostAsJsonAsync("/api/checks", new { uscc, purpose = "bidding" });
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/audit?subject={uscc}")).StatusCode);
        var admin = fixture.Factory.CreateClient();
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?subject={uscc}&page_size=50");
        var entries = page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("actor").GetString() == "test-analyst").ToArray();

        Assert.Equal(4, entries.Count(e => e.GetProperty("status").GetInt32() == 200));
        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), e => e.GetProperty("actor").GetString() == "somebody-else");
        Assert.All(entries, e => Assert.Equal("loan_review", e.GetProperty("purpose").GetString()));
        Assert.All(entries, e => Assert.Equal("analyst department", e.GetProperty("department").GetString()));
        Assert.Contains(entries, e => e.GetProperty("returned").GetString()!.StartsWith("check for bidding") && e.GetProperty("method").GetString() == "POST");
        Assert.Contains(entries, e => e.GetProperty("returned").GetString()!.StartsWith("warning score"));
        // A 403 is an authenticated principal trying what it may not: registered too.
        var denied = await admin.GetFromJsonAsync<JsonElement>("/api/audit?actor=test-analyst&page_size=200");
        Assert.Contains(denied.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "denied" && e.GetProperty("status").GetInt32() == 403);
    }
}
