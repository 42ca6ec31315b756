using System.Net;
using System.Text;
using System.Text.Json;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests.Security;

/// <summary>
/// Hostile strings (OWASP API8 / injection): Cypher and SQL metacharacters, 100 kB strings, control and bidi
/// characters, invalid UTF-8, in every string parameter and JSON field: a 4xx or a normal answer, never a 5xx, and
/// the store unchanged.
/// </summary>
[Collection(SecuredApiCollection.Name)]
public class InjectionTests(SecuredApiFixture fixture)
{
    public static readonly string[] Hostile =
    [
        "' OR '1'='1' --",
        "\"; DROP TABLE enterprise; --",
        "x') RETURN 1; MATCH (n) DETACH DELETE n //",
        "}]->(e) SET e.name = 'owned' //",
        "$where=1;$gt",
        new string('9', 100_000),
        "91310000\u0000MA1FL0000",
        "\u202Eevil\u202C",
        "\u0007\u001b[31mred",
        "../../../../etc/passwd",
        "%00%27%22",
        "😀👍🏽",
    ];

    [Fact]
    public async Task HostileStringsInRouteAndQueryParameters_Are4xxOrNormalAnswers_NeverServerErrors()
    {
        var client = fixture.Factory.CreateClient();
        string uscc = fixture.Enterprise(0).Uscc;
        long before = await EnterpriseCountAsync();
        foreach (string bad in Hostile)
        {
            string q = Uri.EscapeDataString(bad);
            // A NUL in the path is refused by the host itself (Kestrel: 400; the in-memory test server throws), before any route runs.
            string segment = Uri.EscapeDataString(bad.Replace("\0", ""));
            string[] paths =
            [
                $"/api/enterprises/{segment}/warning", $"/api/enterprises/{segment}/credit", $"/api/enterprises/{segment}/network",
                $"/api/enterprises/{segment}/controllers",
                $"/api/enterprises?query={q}", $"/api/enterprises?query=91&industry={q}&region={q}", $"/api/enterprises?query=91&page={q}",
                $"/api/enterprises/{uscc}/network?depth={q}&max_nodes={q}", $"/api/enterprises/{uscc}/exposure?hops={q}",
                $"/api/alerts?kind={q}", $"/api/alerts?kind=cross_region&region={q}&industry={q}&top={q}",
                $"/api/audit?actor={q}&subject={q}&from={q}", $"/api/keys/{segment}",
            ];
            foreach (string path in paths) await AssertNoServerErrorAsync(client, new HttpRequestMessage(HttpMethod.Get, path), path);
            using var purpose = new HttpRequestMessage(HttpMethod.Get, $"/api/enterprises/{uscc}/credit");
            purpose.Headers.TryAddWithoutValidation("X-Purpose", bad);
            await AssertNoServerErrorAsync(client, purpose, "X-Purpose");
        }
        Assert.Equal(before, await EnterpriseCountAsync());
    }

    [Fact]
    public async Task HostileStringsInEveryJsonField_Are4xxOrNormalAnswers_NeverServerErrors()
    {
        var client = fixture.Factory.CreateClientFor(ApiRole.CreditOfficer);
        string uscc = fixture.Enterprise(0).Uscc;
        long before = await EnterpriseCountAsync();
        foreach (string bad in Hostile)
        {
            object[] bodies =
            [
                new { usccs = new[] { bad, uscc } },
                new { uscc = bad, purpose = "bidding" }, new { uscc, purpose = bad },
                new { record_id = bad, method = "rectification", reason = "r" }, new { record_id = bad, method = bad, reason = bad },
                new { record_id = bad, filed_by = bad, reason = bad },
                new { result = bad, note = bad },
            ];
            string[] routes = ["/api/warnings/batch", "/api/checks", "/api/checks", "/api/repairs", "/api/repairs", "/api/objections", "/api/objections/OB-x/outcome"];
            for (int i = 0; i < bodies.Length; i++)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, routes[i])
                {
                    Content = new StringContent(JsonSerializer.Serialize(bodies[i]), Encoding.UTF8, "application/json"),
                };
                await AssertNoServerErrorAsync(client, request, $"{routes[i]} with {bad[..Math.Min(bad.Length, 20)]}");
            }
        }
        Assert.Equal(before, await EnterpriseCountAsync());
    }

    [Fact]
    public async Task InvalidUtf8AndWronglyShapedJson_Are400_NeverServerErrors()
    {
        var client = fixture.Factory.CreateClient();
        byte[][] bodies =
        [
            [(byte)'{', (byte)'"', (byte)'u', (byte)'s', (byte)'c', (byte)'c', (byte)'s', (byte)'"', (byte)':', (byte)'[', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)']', (byte)'}'],
            Encoding.UTF8.GetBytes("{\"usccs\": \"not a list\"}"),
            Encoding.UTF8.GetBytes("{\"usccs\": [1, 2, 3]}"),
            Encoding.UTF8.GetBytes("[]"),
            Encoding.UTF8.GetBytes("{\"usccs\": [" + new string('[', 5000) + "]}"),
        ];
        foreach (var body in bodies)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var response = await client.PostAsync("/api/warnings/batch", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    private static async Task AssertNoServerErrorAsync(HttpClient client, HttpRequestMessage request, string what)
    {
        what = what.Length > 120 ? what[..120] + "…" : what;
        using (request)
        {
            var response = await client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True(response.Content.Headers.ContentLength is null or < 20_000, $"{what}: the answer grew with the input ({response.Content.Headers.ContentLength} bytes)");
        }
    }

    private Task<long> EnterpriseCountAsync() => fixture.Factory.Store.CountAsync<RiskGraph.Model.Domain.Enterprise>();
}
