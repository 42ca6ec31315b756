using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RiskGraph.Api.Tests;

/// <summary>Seed 001: 「对区内9835家企业、15000个企业高管进行信用核查」 — person lists and batch person checks.</summary>
public class PersonsApiTests(WritableApiFixture fixture) : IClassFixture<WritableApiFixture>
{
    /// <summary>(id_number, uscc) of executives in the generated data, in file order.</summary>
    private IReadOnlyList<(string Id, string Uscc)> Executives() =>
        File.ReadLines(Path.Combine(fixture.Trained.DataFolder, "executives.csv")).Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[1])).ToArray();

    [Fact]
    public async Task APersonOnAList_IsFoundByIdNumber_WithTheEnterprisesTheyManage_AndTheEnterpriseCheckNamesThem()
    {
        var client = fixture.Factory.CreateClient();
        var (id, uscc) = Executives()[0];
        var created = await client.PostAsJsonAsync("/api/person-list-entries", new
        {
            id_number = id, list_type = "dishonest_judgment_debtor", valid_from = "2025-06-01", department = "上海市浦东新区人民法院",
            legal_basis = "最高人民法院关于公布失信被执行人名单信息的若干规定",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string createdText = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain(id, createdText);

        string other = Executives().First(e => e.Id != id).Id;
        var response = await client.PostAsJsonAsync("/api/checks/persons", new { id_numbers = new[] { other, id } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(id, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2, body.GetProperty("checked").GetInt32());
        var listed = body.GetProperty("persons").EnumerateArray().Single(p => p.GetProperty("index").GetInt32() == 1);
        Assert.True(listed.GetProperty("on_list").GetBoolean());
        Assert.True(listed.GetProperty("in_graph").GetBoolean());
        Assert.Equal("dishonest_judgment_debtor", Assert.Single(listed.GetProperty("entries_in_force").EnumerateArray()).GetProperty("list_type").GetString());
        Assert.Contains(listed.GetProperty("enterprises").EnumerateArray(), e => e.GetProperty("uscc").GetString() == uscc && e.GetProperty("role").GetString() == "executive");
        Assert.False(body.GetProperty("persons")[0].GetProperty("on_list").GetBoolean());

        var check = await (await client.PostAsJsonAsync("/api/checks", new { uscc, purpose = "bidding" })).Content.ReadFromJsonAsync<JsonElement>();
        // One entry per role: the same person may be legal representative and executive.
        Assert.Contains(check.GetProperty("officers_on_lists").EnumerateArray(), o => o.GetProperty("role").GetString() == "executive");
        Assert.DoesNotContain(id, check.GetRawText());
    }

    [Fact]
    public async Task APersonWhoIsInNoEnterprise_CanBeListedAndChecked()
    {
        var client = fixture.Factory.CreateClient();
        const string stranger = "11010519491231002X";
        await client.PostAsJsonAsync("/api/person-list-entries", new { id_number = stranger, list_type = "restricted_executive", valid_from = "2024-01-01", valid_to = "2026-12-31", department = "市场监管局" });
        var body = await (await client.PostAsJsonAsync("/api/checks/persons", new { id_numbers = new[] { stranger } })).Content.ReadFromJsonAsync<JsonElement>();
        var person = body.GetProperty("persons")[0];
        Assert.False(person.GetProperty("in_graph").GetBoolean());
        Assert.True(person.GetProperty("on_list").GetBoolean());
        Assert.Equal("110***********002X", person.GetProperty("masked_id").GetString());
    }

    [Fact]
    public async Task TwentyThousandPersons_AreCheckedInOneCall()
    {
        var ids = Executives().Select(e => e.Id).Distinct().ToList();
        var batch = Enumerable.Range(0, 20_000).Select(i => ids[i % ids.Count]).ToArray();
        var response = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/checks/persons", new { id_numbers = batch });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20_000, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checked").GetInt32());
        var tooMany = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/checks/persons", new { id_numbers = batch.Append(ids[0]) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Theory]
    [InlineData("/api/checks/persons", "{\"id_numbers\":[]}", "id_numbers")]
    [InlineData("/api/checks/persons", "{\"id_numbers\":[\"11010519491231002X\",\"123\"]}", "id_numbers[1]")]
    [InlineData("/api/person-list-entries", "{\"id_number\":\"123\",\"list_type\":\"restricted_executive\",\"valid_from\":\"2024-01-01\",\"department\":\"d\"}", "id_number")]
    [InlineData("/api/person-list-entries", "{\"id_number\":\"11010519491231002X\",\"list_type\":\"grey\",\"valid_from\":\"2024-01-01\",\"department\":\"d\"}", "list_type")]
    [InlineData("/api/person-list-entries", "{\"id_number\":\"11010519491231002X\",\"list_type\":\"restricted_executive\",\"department\":\"d\"}", "valid_from")]
    public async Task BadPersonRequests_Are400NamingTheField(string url, string body, string field)
    {
        var response = await fixture.Factory.CreateClient().PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
