using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;

namespace RiskGraph.Api.Tests;

[Collection(TrainedApiCollection.Name)]
public class PublicationApiTests(TrainedApiFixture fixture)
{
    private RiskGraph.Model.Graph.GraphSnapshot Snapshot => fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;

    [Fact]
    public async Task AList_PublishesTheEntriesInForce_WithLegalBasisAndDepartment_Paged()
    {
        var snapshot = Snapshot;
        int expected = Enumerable.Range(0, snapshot.EnterpriseCount)
            .Sum(e => snapshot.Ledger.ListEntriesOf(e).ToArray().Count(l => l.ListType == ListType.AbnormalOperation && snapshot.Ledger.IsPublished(l)));
        Assert.True(expected > 10);
        var client = fixture.Factory.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/lists/abnormal_operation?page_size=10");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/lists/abnormal_operation?page_size=10&page=2");

        Assert.Equal(expected, first.GetProperty("total").GetInt32());
        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToArray();
        Assert.Equal(20, items.Select(i => i.GetProperty("record_id").GetString()).Distinct().Count());
        Assert.All(items, i =>
        {
            Assert.Equal("abnormal_operation", i.GetProperty("list_type").GetString());
            Assert.False(string.IsNullOrEmpty(i.GetProperty("department").GetString()));
            Assert.True(i.TryGetProperty("legal_basis", out _));
        });
        Assert.Equal(snapshot.AsOf.ToString("yyyy-MM-dd"), first.GetProperty("as_of").GetString());
    }

    [Fact]
    public async Task ListsFilterByRegion_AndEvaluateOnAPastDay()
    {
        var snapshot = Snapshot;
        string region = snapshot.Enterprises.RegionCodes[0];
        var client = fixture.Factory.CreateClient();
        var regional = await client.GetFromJsonAsync<JsonElement>($"/api/lists/black?region={region}&page_size=500");
        Assert.All(regional.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal(region, i.GetProperty("region").GetString());
            Assert.Equal("serious_dishonesty", i.GetProperty("list_type").GetString());
        });

        // A year earlier, every published entry had started by then and had not yet ended.
        var day = snapshot.AsOf.AddYears(-1);
        var past = await client.GetFromJsonAsync<JsonElement>($"/api/lists/dishonest_judgment_debtor?as_of={day:yyyy-MM-dd}&page_size=500");
        Assert.All(past.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.True(DateOnly.Parse(i.GetProperty("valid_from").GetString()!) <= day);
            Assert.True(i.GetProperty("valid_to").ValueKind == JsonValueKind.Null || DateOnly.Parse(i.GetProperty("valid_to").GetString()!) >= day);
        });
    }

    [Fact]
    public async Task TheRedList_IsPublishedOnlyForEnterprisesStillInGoodCredit()
    {
        var snapshot = Snapshot;
        var red = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/lists/red?page_size=500");
        Assert.All(red.GetProperty("items").EnumerateArray(), i =>
            Assert.Equal(CreditClass.Good, snapshot.Classes[snapshot.Ids.IdOf(i.GetProperty("uscc").GetString()!)]));
    }

    [Theory]
    [InlineData("/api/lists/grey", "list_type")]
    [InlineData("/api/lists/red?region=31x", "region")]
    [InlineData("/api/lists/red?as_of=2025-13-01", "as_of")]
    [InlineData("/api/lists/red?as_of=2100-01-01", "as_of")]
    [InlineData("/api/lists/red?page=0", "page")]
    [InlineData("/api/indicators?from=2025-1", "from")]
    [InlineData("/api/indicators?to=2100-01", "to")]
    [InlineData("/api/indicators?from=2025-06&to=2025-01", "from")]
    [InlineData("/api/indicators?from=2020-01&to=2025-12", "from")]
    public async Task BadPublicationQueries_Are400NamingTheField(string url, string field)
    {
        var response = await fixture.Factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Indicators_GiveTheSeriouslyDishonestSharePerRegionAndMonth_AgainstTheOnePercentTarget()
    {
        var snapshot = Snapshot;
        var body = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/indicators?from=2025-10&to=2025-12");

        Assert.Equal(0.01, body.GetProperty("seriously_dishonest_target").GetDouble());
        var regions = body.GetProperty("regions").EnumerateArray().ToArray();
        Assert.Equal("all", regions[0].GetProperty("region").GetString());
        Assert.Equal(snapshot.Enterprises.RegionCodes.Length + 1, regions.Length);
        var december = regions[0].GetProperty("months").EnumerateArray().Last();
        Assert.Equal("2025-12", december.GetProperty("month").GetString());
        // The last month is evaluated on the served day, so its counts are the served classes.
        Assert.Equal(snapshot.Classes.Count(c => c == CreditClass.SeriouslyDishonest), december.GetProperty("by_class").GetProperty("seriously_dishonest").GetInt32());
        double share = december.GetProperty("seriously_dishonest_share").GetDouble();
        Assert.Equal(Math.Round(snapshot.Classes.Count(c => c == CreditClass.SeriouslyDishonest) / (double)december.GetProperty("entities").GetInt32(), 6), share);
        Assert.Equal(share < 0.01, december.GetProperty("meets_target").GetBoolean());
        Assert.Contains(regions[0].GetProperty("trend").GetString(), new[] { "rising", "falling", "flat" });
        int regionalTotal = regions.Skip(1).Sum(r => r.GetProperty("months").EnumerateArray().Last().GetProperty("entities").GetInt32());
        Assert.Equal(december.GetProperty("entities").GetInt32(), regionalTotal);
    }
}
