using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;

namespace RiskGraph.Api.Tests;

public class InspectionsApiTests(WritableApiFixture fixture) : IClassFixture<WritableApiFixture>
{
    private static readonly string[] Pool = ["执法员01", "执法员02", "执法员03", "执法员04", "执法员05", "执法员06"];

    private string FirstGood(int skip = 0)
    {
        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        return Enumerable.Range(0, snapshot.EnterpriseCount).Where(e => snapshot.Classes[e] == CreditClass.Good).Select(snapshot.Ids.KeyOf).Skip(skip).First();
    }

    // Seed 001: 「检查结果将自动公示,并影响信用风险分类」; (1) 信用风险分类不调整, (3) 无法取得联系 → “失信”.
    [Fact]
    public async Task AnInspectionResult_IsWrittenBack_AndMovesTheClassAsSeed001Says()
    {
        var client = fixture.Factory.CreateClient();
        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        string fine = FirstGood(), unreachable = FirstGood(1);

        var ok = await client.PostAsJsonAsync("/api/inspections", new
        {
            uscc = fine, inspected_on = snapshot.AsOf.AddDays(-5), outcome = "no_problem", department = "市场监管局", inspectors = new[] { "执法员01", "执法员02" },
        });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal("good", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("credit_class").GetProperty("class").GetString());

        var gone = await client.PostAsJsonAsync("/api/inspections", new
        {
            uscc = unreachable, inspected_on = snapshot.AsOf.AddDays(-3), outcome = "unreachable", department = "市场监管局", inspectors = new[] { "执法员03" },
            note = "登记住所无法联系",
        });
        var body = await gone.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("dishonest", body.GetProperty("credit_class").GetProperty("class").GetString());
        Assert.Equal("red.inspection_unreachable", body.GetProperty("credit_class").GetProperty("decisive_rule").GetProperty("id").GetString());
        var credit = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{unreachable}/credit");
        Assert.Equal("dishonest", credit.GetProperty("credit_class").GetProperty("class").GetString());
    }

    [Theory]
    [InlineData("{\"uscc\":\"@\",\"inspected_on\":\"2025-12-01\",\"outcome\":\"fine\",\"department\":\"d\",\"inspectors\":[\"a\"]}", "outcome")]
    [InlineData("{\"uscc\":\"@\",\"outcome\":\"no_problem\",\"department\":\"d\",\"inspectors\":[\"a\"]}", "inspected_on")]
    [InlineData("{\"uscc\":\"@\",\"inspected_on\":\"2025-12-01\",\"outcome\":\"no_problem\",\"department\":\"d\",\"inspectors\":[]}", "inspectors")]
    [InlineData("{\"uscc\":\"@\",\"inspected_on\":\"2099-12-01\",\"outcome\":\"no_problem\",\"department\":\"d\",\"inspectors\":[\"a\"]}", "inspected_on")]
    [InlineData("{\"period\":\"2026-1\",\"seed\":1,\"inspectors\":[\"a\",\"b\"]}", "period")]
    [InlineData("{\"period\":\"2026-01\",\"inspectors\":[\"a\",\"b\"]}", "seed")]
    [InlineData("{\"period\":\"2026-01\",\"seed\":1,\"inspectors\":[\"a\"]}", "inspectors")]
    [InlineData("{\"period\":\"2026-01\",\"seed\":1,\"region\":\"x\",\"inspectors\":[\"a\",\"b\"]}", "region")]
    public async Task BadInspectionRequests_Are400NamingTheField(string body, string field)
    {
        string url = body.Contains("period") ? "/api/inspections/plan" : "/api/inspections";
        var response = await fixture.Factory.CreateClient().PostAsync(url, new StringContent(body.Replace("@", FirstGood()), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task APlan_DrawsPerTier_IsReproducibleForASeed_AndNeverSendsAnInspectorTwiceToOneEnterpriseInAPeriod()
    {
        var client = fixture.Factory.CreateClient();
        var first = await (await client.PostAsJsonAsync("/api/inspections/plan", new { period = "2026-01", seed = 1, inspectors = Pool })).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await client.PostAsJsonAsync("/api/inspections/plan", new { period = "2026-01", seed = 1, inspectors = Pool })).Content.ReadFromJsonAsync<JsonElement>();
        var other = await (await client.PostAsJsonAsync("/api/inspections/plan", new { period = "2026-01", seed = 2, inspectors = Pool })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(first.GetProperty("reused").GetBoolean());
        Assert.True(again.GetProperty("reused").GetBoolean());
        Assert.Equal(first.GetProperty("draw").GetRawText(), again.GetProperty("draw").GetRawText());
        Assert.NotEqual(first.GetProperty("draw").GetRawText(), other.GetProperty("draw").GetRawText());

        // Ratios per tier (higher for poorer credit or higher risk), all tiers due in January.
        var tiers = first.GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("tier").GetString()!);
        Assert.True(tiers["low"].GetProperty("ratio").GetDouble() < tiers["normal"].GetProperty("ratio").GetDouble());
        Assert.True(tiers["normal"].GetProperty("ratio").GetDouble() < tiers["high"].GetProperty("ratio").GetDouble());
        foreach (var t in tiers.Values)
            Assert.Equal((int)Math.Ceiling(t.GetProperty("ratio").GetDouble() * t.GetProperty("population").GetInt32()), t.GetProperty("drawn").GetInt32());
        var draw = first.GetProperty("draw").EnumerateArray().ToArray();
        Assert.Equal(tiers.Values.Sum(t => t.GetProperty("drawn").GetInt32()), draw.Length);
        Assert.All(draw.Where(d => d.GetProperty("credit_class").GetString() != "good"), d =>
        {
            Assert.Equal("high", d.GetProperty("tier").GetString());
            Assert.True(d.GetProperty("key_inspection").GetBoolean());
        });

        var pairs = new HashSet<(string, string)>();
        foreach (var d in draw.Concat(other.GetProperty("draw").EnumerateArray()))
        {
            var inspectors = d.GetProperty("inspectors").EnumerateArray().Select(i => i.GetString()!).ToArray();
            Assert.Equal(2, inspectors.Length);
            foreach (string i in inspectors) Assert.True(pairs.Add((d.GetProperty("uscc").GetString()!, i)), $"{i} twice on {d.GetProperty("uscc")}");
        }
    }

    [Fact]
    public async Task AMonthInWhichNoTierIsDue_DrawsNobody_AndARegionLimitsTheDraw()
    {
        var client = fixture.Factory.CreateClient();
        var february = await (await client.PostAsJsonAsync("/api/inspections/plan", new { period = "2026-02", seed = 7, inspectors = Pool })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(february.GetProperty("draw").EnumerateArray());
        Assert.All(february.GetProperty("tiers").EnumerateArray(), t => Assert.False(t.GetProperty("due").GetBoolean()));

        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        string region = snapshot.Enterprises.RegionCodes[0];
        var april = await (await client.PostAsJsonAsync("/api/inspections/plan", new { period = "2026-04", region, seed = 7, inspectors = Pool })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEmpty(april.GetProperty("draw").EnumerateArray());
        Assert.All(april.GetProperty("draw").EnumerateArray(), d =>
            Assert.Equal(region, snapshot.Enterprises.RegionCodes[snapshot.Enterprises.Region[snapshot.Ids.IdOf(d.GetProperty("uscc").GetString()!)]]));
    }
}
