using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests.Security;

/// <summary>OWASP API1:2023 Broken Object Level Authorization and API3:2023 Broken Object Property Level Authorization.</summary>
[Collection(SecuredApiCollection.Name)]
public class ObjectAndPropertyLevelTests(SecuredApiFixture fixture)
{
    private (string Inside, string Outside, string Scope) ScopedPair()
    {
        var (first, region) = fixture.Enterprise(0);
        string scope = region[..4];
        var outside = fixture.Enterprises.First(e => !e.Contains(region) && !e.Any(f => f.StartsWith(scope, StringComparison.Ordinal) && f.Length == 6));
        return (first, outside[0], scope);
    }

    [Fact]
    public async Task API1_AScopedPrincipal_GetsForAnEnterpriseOutsideItsRegion_ExactlyThe404OfAnUnknownCode()
    {
        var (inside, outside, scope) = ScopedPair();
        var client = fixture.Factory.CreateClientFor(ApiRole.Analyst, region: scope);
        string unknown = RiskGraph.Model.Domain.Uscc.Compose('9', '1', "110101", "MA0000009");

        foreach (string route in new[] { "warning", "credit", "network", "controllers", "exposure", "community" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/enterprises/{inside}/{route}")).StatusCode);
            var hidden = await client.GetAsync($"/api/enterprises/{outside}/{route}");
            var missing = await client.GetAsync($"/api/enterprises/{unknown}/{route}");
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var a = await hidden.Content.ReadFromJsonAsync<JsonElement>();
            var b = await missing.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(b.GetProperty("title").GetString(), a.GetProperty("title").GetString());
            Assert.Equal(b.GetProperty("detail").GetString()!.Replace(unknown, "X"), a.GetProperty("detail").GetString()!.Replace(outside, "X"));
        }
        var check = await client.PostAsJsonAsync("/api/checks", new { uscc = outside, purpose = "bidding" });
        Assert.Equal(HttpStatusCode.NotFound, check.StatusCode);
        var batch = await client.PostAsJsonAsync("/api/warnings/batch", new { usccs = new[] { inside, outside } });
        var answer = await batch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([outside], answer.GetProperty("not_found").EnumerateArray().Select(e => e.GetString()));
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises?query={outside[..8]}&page_size=100");
        Assert.DoesNotContain(search.GetProperty("items").EnumerateArray(), i => i.GetProperty("uscc").GetString() == outside);
        var alerts = await client.GetFromJsonAsync<JsonElement>("/api/alerts?kind=cross_region&top=200");
        Assert.All(alerts.GetProperty("items").EnumerateArray(), i => Assert.StartsWith(scope, i.GetProperty("region").GetString()));
    }

    [Fact]
    public async Task API3_SystemPrincipals_NeverReceivePersonNamesOrKeys()
    {
        var persons = File.ReadLines(Path.Combine(fixture.Trained.DataFolder, "persons.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var system = fixture.Factory.CreateClientFor(ApiRole.System);
        var analyst = fixture.Factory.CreateClientFor(ApiRole.Analyst);
        var usccs = fixture.Enterprises.Take(40).Select(e => e[0]).ToArray();

        // What the system role may call, and what it is refused.
        var bodies = new List<string>();
        foreach (string uscc in usccs.Take(10))
        {
            bodies.Add(await system.GetStringAsync($"/api/enterprises/{uscc}/warning"));
            bodies.Add(await (await system.PostAsJsonAsync("/api/checks", new { uscc, purpose = "financing" })).Content.ReadAsStringAsync());
        }
        bodies.Add(await (await system.PostAsJsonAsync("/api/warnings/batch", new { usccs })).Content.ReadAsStringAsync());
        foreach (string route in new[] { "network", "controllers", "credit" })
            Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync($"/api/enterprises/{usccs[0]}/{route}")).StatusCode);

        // The analyst's network does carry persons (under their keyed hash), so the check below can fail.
        var network = await analyst.GetFromJsonAsync<JsonElement>($"/api/enterprises/{usccs[0]}/network?depth=2");
        var personNodes = network.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "person").ToArray();
        Assert.NotEmpty(personNodes);
        var personKeys = personNodes.Select(n => n.GetProperty("id").GetString()!).ToArray();
        foreach (string body in bodies)
        {
            Assert.DoesNotContain("\"kind\":\"person\"", body);
            Assert.DoesNotContain("person_key", body);
            foreach (string key in personKeys) Assert.DoesNotContain(key, body);
            // ID numbers never, and no person's name (names of three characters or more, which enterprise names do not contain whole).
            foreach (var person in persons.Take(500))
            {
                Assert.DoesNotContain(person[0], body);
                if (person[1].Length >= 3) Assert.DoesNotContain(person[1], body);
            }
        }
    }
}
