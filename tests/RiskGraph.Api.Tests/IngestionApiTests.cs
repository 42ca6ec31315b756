using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests;

/// <summary>POST /api/records: records arriving through the API reach the credit file and class, idempotently, all or nothing.</summary>
public class IngestionApiTests(WritableApiFixture fixture) : IClassFixture<WritableApiFixture>
{
    private string GoodEnterprise(int skip)
    {
        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        return Enumerable.Range(0, snapshot.EnterpriseCount).Where(e => snapshot.Classes[e] == CreditClass.Good)
            .Select(e => snapshot.Ids.KeyOf(e)).Skip(skip).First();
    }

    private static object Fine(string id, string uscc, object amount) => new Dictionary<string, object?>
    {
        ["record_id"] = id, ["uscc"] = uscc, ["kind"] = "fine", ["amount"] = amount, ["decision_date"] = "2025-11-03",
        ["publication_date"] = "2025-11-05", ["department"] = "上海市市场监督管理局",
    };

    [Fact]
    public async Task ANewPenalty_IsStoredWithASequence_AndReachesTheCreditFileAndClassAtOnce_AndSendingItAgainChangesNothing()
    {
        var officer = fixture.Factory.CreateClientFor(ApiRole.CreditOfficer);
        string uscc = GoodEnterprise(3), id = "沪市监罚〔2025〕" + Guid.NewGuid().ToString("N")[..6] + "号";

        var first = await officer.PostAsJsonAsync("/api/records", new { penalties = new[] { Fine(id, uscc, 600_000) } });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("created").GetInt32());
        Assert.True(answer.GetProperty("reflected").GetBoolean());
        long sequence = answer.GetProperty("sequence").GetInt64();

        var credit = await officer.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit");
        Assert.Contains(credit.GetProperty("penalties").EnumerateArray(), p => p.GetProperty("record_id").GetString() == id);
        Assert.Equal("seriously_dishonest", credit.GetProperty("credit_class").GetProperty("class").GetString());

        var again = await (await officer.PostAsJsonAsync("/api/records", new { penalties = new[] { Fine(id, uscc, 600_000) } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(sequence, again.GetProperty("sequence").GetInt64());

        var lowered = await (await officer.PostAsJsonAsync("/api/records", new { penalties = new[] { Fine(id, uscc, "2000") } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, lowered.GetProperty("updated").GetInt32());
        Assert.True(lowered.GetProperty("sequence").GetInt64() > sequence);
        Assert.Equal("dishonest", (await officer.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit")).GetProperty("credit_class").GetProperty("class").GetString());
    }

    [Theory]
    [InlineData("amount", "abc", "penalties[1].amount")]
    [InlineData("uscc", "91310000MA1FL0000X", "penalties[1].uscc")]
    [InlineData("decision_date", "2021-02-30", "penalties[1].decision_date")]
    [InlineData("colour", "red", "penalties[1].colour")]
    public async Task ABatchWithOneBadField_Is400NamingIt_AndStoresNothingOfTheBatch(string field, string value, string expected)
    {
        var officer = fixture.Factory.CreateClientFor(ApiRole.CreditOfficer);
        string uscc = GoodEnterprise(7);
        string good = "GOOD-" + Guid.NewGuid().ToString("N")[..8], bad = "BAD-" + Guid.NewGuid().ToString("N")[..8];
        var badRecord = (Dictionary<string, object?>)Fine(bad, uscc, 100);
        badRecord[field] = value;
        long before = await fixture.Factory.Store.LatestSequenceAsync();

        var response = await officer.PostAsJsonAsync("/api/records", new { penalties = new[] { Fine(good, uscc, 100), badRecord } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(expected, out _));
        Assert.Equal(before, await fixture.Factory.Store.LatestSequenceAsync());
        Assert.DoesNotContain(good, await officer.GetStringAsync($"/api/enterprises/{uscc}/credit"));
    }

    [Fact]
    public async Task AListExit_IsTheEntrySentAgainWithValidTo_AndMoreThan10000RecordsAreRefused()
    {
        var officer = fixture.Factory.CreateClientFor(ApiRole.CreditOfficer);
        string uscc = GoodEnterprise(11), id = "异常-" + Guid.NewGuid().ToString("N")[..8];
        object Entry(string? validTo) => new Dictionary<string, object?>
        {
            ["record_id"] = id, ["uscc"] = uscc, ["list_type"] = "abnormal_operation", ["valid_from"] = "2025-06-01",
            ["valid_to"] = validTo, ["department"] = "上海市市场监督管理局",
        };

        await officer.PostAsJsonAsync("/api/records", new { list_entries = new[] { Entry(null) } });
        Assert.Equal("dishonest", (await officer.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit")).GetProperty("credit_class").GetProperty("class").GetString());
        var exit = await (await officer.PostAsJsonAsync("/api/records", new { list_entries = new[] { Entry("2025-09-30") } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, exit.GetProperty("updated").GetInt32());
        Assert.Equal("good", (await officer.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit")).GetProperty("credit_class").GetProperty("class").GetString());

        var tooMany = await officer.PostAsJsonAsync("/api/records", new { penalties = Enumerable.Range(0, 10_001).Select(i => Fine($"X{i}", uscc, 1)).ToArray() });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }
}
