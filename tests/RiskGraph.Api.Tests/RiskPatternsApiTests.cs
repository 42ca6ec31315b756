using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests;

/// <summary>Guarantee circles, groups, person views and supply chains over the generated, trained 2,000-enterprise home.</summary>
[Collection(TrainedApiCollection.Name)]
public class RiskPatternsApiTests(TrainedApiFixture fixture)
{
    /// <summary>Fails when the text contains any ID number of the generated persons.</summary>
    private void AssertNoIdNumbers(string text)
    {
        foreach (string line in File.ReadLines(Path.Combine(fixture.Trained.DataFolder, "persons.csv")).Skip(1))
        {
            string id = line.Split(',')[0];
            Assert.False(text.Contains(id, StringComparison.Ordinal), "an ID number appears in the answer");
        }
    }

    [Fact]
    public async Task GuaranteeCircles_AreAPagedEnvelope_RankedByContagion_WithTheirFigures()
    {
        var client = fixture.Factory.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/guarantee-circles?page_size=50");
        var items = body.GetProperty("items").EnumerateArray().ToArray();

        Assert.NotEmpty(items);
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(50, body.GetProperty("page_size").GetInt32());
        Assert.True(body.GetProperty("total").GetInt32() >= items.Length);
        var scores = items.Select(i => i.GetProperty("contagion_score").GetDouble()).ToArray();
        Assert.Equal(scores.OrderDescending(), scores);
        foreach (var circle in items)
        {
            int size = circle.GetProperty("size").GetInt32();
            Assert.True(size >= 2);
            Assert.Equal(size, circle.GetProperty("regions").EnumerateObject().Sum(r => r.Value.GetInt32()));
            Assert.Equal(size, circle.GetProperty("industries").EnumerateObject().Sum(r => r.Value.GetInt32()));
            Assert.True(circle.GetProperty("largest_amount").GetDouble() <= circle.GetProperty("total_amount").GetDouble());
            Assert.Equal(circle.GetProperty("negative_members").GetInt32() / (double)size, circle.GetProperty("negative_share").GetDouble(), 5);
            Assert.InRange(circle.GetProperty("contagion_score").GetDouble(), 0, 1);
            Assert.Equal(Math.Min(size, 20), circle.GetProperty("members").GetArrayLength());
        }
    }

    [Fact]
    public async Task GuaranteeCircles_FilterBySizeRegionAndIndustry_AndSortBySize()
    {
        var client = fixture.Factory.CreateClient();
        var bySize = await client.GetFromJsonAsync<JsonElement>("/api/guarantee-circles?sort=size&min_size=3&page_size=100");
        var sizes = bySize.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("size").GetInt32()).ToArray();
        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.True(s >= 3));
        Assert.Equal(sizes.OrderDescending(), sizes);

        var first = (await client.GetFromJsonAsync<JsonElement>("/api/guarantee-circles")).GetProperty("items")[0];
        string region = first.GetProperty("regions").EnumerateObject().First().Name[..4];
        string industry = first.GetProperty("industries").EnumerateObject().First().Name;
        var filtered = await client.GetFromJsonAsync<JsonElement>($"/api/guarantee-circles?region={region}&industry={industry}&page_size=100");
        Assert.Contains(filtered.GetProperty("items").EnumerateArray(), i => i.GetProperty("circle_id").GetInt32() == first.GetProperty("circle_id").GetInt32());
        foreach (var circle in filtered.GetProperty("items").EnumerateArray())
        {
            Assert.Contains(circle.GetProperty("regions").EnumerateObject(), r => r.Name.StartsWith(region, StringComparison.Ordinal));
            Assert.Contains(circle.GetProperty("industries").EnumerateObject(), r => r.Name == industry);
        }
        var none = await client.GetFromJsonAsync<JsonElement>("/api/guarantee-circles?industry=NOPE");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("min_size=1", "min_size")]
    [InlineData("sort=loudest", "sort")]
    [InlineData("region=31a", "region")]
    [InlineData("page=0", "page")]
    [InlineData("page_size=101", "page_size")]
    public async Task BadCircleQueries_Are400NamingTheField(string query, string field)
    {
        var response = await fixture.Factory.CreateClient().GetAsync($"/api/guarantee-circles?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task AnEnterprisesCircle_IsTheListedCircle_WithTheGuaranteesBetweenItsMembers()
    {
        var client = fixture.Factory.CreateClient();
        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/guarantee-circles?sort=size")).GetProperty("items")[0];
        string member = listed.GetProperty("members")[0].GetProperty("uscc").GetString()!;
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{member}/guarantee-circle");

        Assert.True(body.GetProperty("in_circle").GetBoolean());
        var circle = body.GetProperty("circle");
        Assert.Equal(listed.GetProperty("circle_id").GetInt32(), circle.GetProperty("circle_id").GetInt32());
        var members = circle.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("uscc").GetString()).ToHashSet();
        Assert.Contains(member, members);
        var edges = body.GetProperty("guarantees").EnumerateArray().ToArray();
        // A circle of n needs at least n guarantees to close its cycles.
        Assert.True(edges.Length >= members.Count);
        Assert.All(edges, e => Assert.True(members.Contains(e.GetProperty("guarantor").GetString()) && members.Contains(e.GetProperty("guaranteed").GetString())));
        Assert.Equal(listed.GetProperty("total_amount").GetDouble(), edges.Sum(e => e.GetProperty("amount").GetDouble()), 0);
    }

    [Fact]
    public async Task AnEnterpriseOutsideEveryCircle_SaysSo_AndUnknownOnesAre404()
    {
        var client = fixture.Factory.CreateClient();
        JsonElement? outside = null;
        foreach (string uscc in fixture.Usccs.Take(50))
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/guarantee-circle");
            if (!body.GetProperty("in_circle").GetBoolean()) { outside = body; break; }
        }
        Assert.True(outside.HasValue);
        Assert.Equal(JsonValueKind.Null, outside.Value.GetProperty("circle").ValueKind);
        Assert.Empty(outside.Value.GetProperty("guarantees").EnumerateArray());
        string unknown = Uscc.Compose('9', '1', "110000", "YYYYYYYYY");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/enterprises/{unknown}/guarantee-circle")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/enterprises/NOT-A-CODE/guarantee-circle")).StatusCode);
    }

    [Fact]
    public async Task Groups_AreListedLargestFirst_AndOneGroupListsItsControlTree()
    {
        var client = fixture.Factory.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/groups?page_size=100");
        var items = page.GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(items);
        var sizes = items.Select(i => i.GetProperty("size").GetInt32()).ToArray();
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.All(sizes, s => Assert.True(s >= 2));

        var group = items[0];
        string id = group.GetProperty("group_id").GetString()!;
        Assert.Matches("^g_[0-9a-f]{24}$", id);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/groups/{id}");
        Assert.Equal(id, detail.GetProperty("group").GetProperty("group_id").GetString());
        var members = detail.GetProperty("members").EnumerateArray().ToArray();
        Assert.Equal(group.GetProperty("size").GetInt32(), members.Length);
        Assert.Equal(members.Length, detail.GetProperty("group").GetProperty("classes").EnumerateObject().Sum(c => c.Value.GetInt32()));
        string controller = group.GetProperty("controller").GetProperty("id").GetString()!;
        var keys = members.Select(m => m.GetProperty("enterprise").GetProperty("uscc").GetString()).Append(controller).ToHashSet();
        foreach (var member in members)
        {
            int depth = member.GetProperty("depth").GetInt32();
            if (depth == 0) Assert.Equal(controller, member.GetProperty("enterprise").GetProperty("uscc").GetString());
            else Assert.Contains(member.GetProperty("controlled_by").GetString(), keys);
        }
        AssertNoIdNumbers(detail.GetRawText());
    }

    [Fact]
    public async Task GroupQueries_Validate_AndUnknownGroupsAre404()
    {
        var client = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/groups?min_size=1")).StatusCode);
        var bad = await client.GetAsync("/api/groups/../../etc");
        Assert.True(bad.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound);
        var malformed = await client.GetAsync("/api/groups/g_xyz");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("id", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/groups/g_000000000000000000000000")).StatusCode);
    }

    [Fact]
    public async Task TheWarningAndTheCreditFile_NameTheEnterprisesGroup_TheWarningWithoutPersons()
    {
        var client = fixture.Factory.CreateClient();
        var group = (await client.GetFromJsonAsync<JsonElement>("/api/groups?page_size=100")).GetProperty("items").EnumerateArray()
            .First(g => g.GetProperty("controller").GetProperty("kind").GetString() == "person");
        string id = group.GetProperty("group_id").GetString()!;
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/groups/{id}");
        string member = detail.GetProperty("members")[0].GetProperty("enterprise").GetProperty("uscc").GetString()!;

        var warning = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{member}/warning");
        Assert.Equal(id, warning.GetProperty("group").GetProperty("group_id").GetString());
        Assert.Equal("person", warning.GetProperty("group").GetProperty("controller_kind").GetString());
        Assert.DoesNotContain(group.GetProperty("controller").GetProperty("id").GetString()!, warning.GetRawText());

        var credit = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{member}/credit");
        Assert.Equal(id, credit.GetProperty("group").GetProperty("group_id").GetString());
        Assert.Equal(group.GetProperty("controller").GetProperty("id").GetString(), credit.GetProperty("group").GetProperty("controller").GetProperty("id").GetString());
    }

    [Fact]
    public async Task PersonView_ListsEveryEnterpriseOfThePerson_WithRolesSharesAndNegatives_NeverIdNumbers()
    {
        var client = fixture.Factory.CreateClient();
        var group = (await client.GetFromJsonAsync<JsonElement>("/api/groups?page_size=100")).GetProperty("items").EnumerateArray()
            .First(g => g.GetProperty("controller").GetProperty("kind").GetString() == "person");
        string key = group.GetProperty("controller").GetProperty("id").GetString()!;
        var response = await client.GetAsync($"/api/persons/{key}/enterprises");
        string text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(key, body.GetProperty("person_key").GetString());
        Assert.Equal(group.GetProperty("controller").GetProperty("label").GetString(), body.GetProperty("display_name").GetString());
        var enterprises = body.GetProperty("enterprises").EnumerateArray().ToArray();
        Assert.Equal(enterprises.Length, body.GetProperty("total").GetInt32());
        Assert.Equal(enterprises.Count(e => e.GetProperty("negative").GetBoolean()), body.GetProperty("negative_enterprises").GetInt32());
        // The top controller of a group holds a majority of some member directly.
        Assert.Contains(enterprises, e => e.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "shareholder") && e.GetProperty("share").GetDouble() > 0.5);
        Assert.All(enterprises, e => Assert.NotEmpty(e.GetProperty("roles").EnumerateArray()));
        AssertNoIdNumbers(text);
    }

    [Fact]
    public async Task PersonView_RefusesIdNumbersAndUnknownKeys_AndSystemCallers()
    {
        var client = fixture.Factory.CreateClient();
        var byNumber = await client.GetAsync("/api/persons/110101199003071234/enterprises");
        Assert.Equal(HttpStatusCode.BadRequest, byNumber.StatusCode);
        Assert.True((await byNumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("key", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/persons/p_000000000000000000000000/enterprises")).StatusCode);
        var system = fixture.Factory.CreateClientFor(ApiRole.System);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/api/persons/p_000000000000000000000000/enterprises")).StatusCode);
        var noPurpose = fixture.Factory.CreateClientFor(ApiRole.Analyst, purpose: null);
        Assert.Equal(HttpStatusCode.BadRequest, (await noPurpose.GetAsync("/api/persons/p_000000000000000000000000/enterprises")).StatusCode);
    }

    [Fact]
    public async Task SupplyChain_ListsTiersUpAndDown_TheLinksBetweenThem_AndTheRiskReachingTheCore()
    {
        var client = fixture.Factory.CreateClient();
        JsonElement? found = null;
        foreach (string uscc in fixture.Usccs.Take(300))
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/supply-chain?depth=2");
            if (body.GetProperty("upstream_count").GetInt32() > 0 && body.GetProperty("downstream_count").GetInt32() > 0) { found = body; break; }
        }
        Assert.True(found.HasValue, "some enterprise among the first 300 has suppliers and buyers");
        var chain = found.Value;
        string core = chain.GetProperty("core").GetProperty("uscc").GetString()!;
        var members = chain.GetProperty("members").EnumerateArray().ToArray();
        Assert.Equal(chain.GetProperty("upstream_count").GetInt32(), members.Count(m => m.GetProperty("tier").GetInt32() < 0));
        Assert.All(members, m => Assert.InRange(Math.Abs(m.GetProperty("tier").GetInt32()), 1, 2));
        var inView = members.Select(m => m.GetProperty("enterprise").GetProperty("uscc").GetString()).Append(core).ToHashSet();
        var links = chain.GetProperty("links").EnumerateArray().ToArray();
        Assert.Contains(links, l => l.GetProperty("buyer").GetString() == core);
        Assert.Contains(links, l => l.GetProperty("supplier").GetString() == core);
        Assert.All(links, l => Assert.True(inView.Contains(l.GetProperty("supplier").GetString()) && inView.Contains(l.GetProperty("buyer").GetString())));
        Assert.True(chain.GetProperty("upstream_risk").GetDouble() >= 0);

        var one = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{core}/supply-chain?depth=1");
        Assert.All(one.GetProperty("members").EnumerateArray(), m => Assert.Equal(1, Math.Abs(m.GetProperty("tier").GetInt32())));
    }

    [Fact]
    public async Task ARegionScopedKey_SeesOnlyCirclesAndMembersInItsRegion()
    {
        var all = (await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/guarantee-circles?page_size=100")).GetProperty("items");
        string region = all[0].GetProperty("regions").EnumerateObject().First().Name;
        var scoped = fixture.Factory.CreateClientFor(ApiRole.Analyst, region: region[..2]);
        var page = await scoped.GetFromJsonAsync<JsonElement>("/api/guarantee-circles?page_size=100");

        Assert.NotEmpty(page.GetProperty("items").EnumerateArray());
        foreach (var circle in page.GetProperty("items").EnumerateArray())
            Assert.All(circle.GetProperty("members").EnumerateArray(), m => Assert.StartsWith(region[..2], m.GetProperty("region").GetString()));
        var groups = await scoped.GetFromJsonAsync<JsonElement>("/api/groups?page_size=100");
        foreach (var group in groups.GetProperty("items").EnumerateArray())
            Assert.Contains(group.GetProperty("regions").EnumerateObject(), r => r.Name.StartsWith(region[..2], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("depth=0")]
    [InlineData("depth=6")]
    public async Task SupplyChain_BadDepthIs400(string query)
    {
        var response = await fixture.Factory.CreateClient().GetAsync($"/api/enterprises/{fixture.Usccs[0]}/supply-chain?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("depth", out _));
    }
}
