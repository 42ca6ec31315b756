using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests.Security;

/// <summary>OWASP API5:2023 Broken Function Level Authorization, and API2:2023 Broken Authentication: every route × every kind of caller.</summary>
[Collection(SecuredApiCollection.Name)]
public class FunctionLevelAuthorizationTests(SecuredApiFixture fixture)
{
    [Fact]
    public void API5_EveryEndpoint_HasAPolicyOrIsExplicitlyAnonymous_AndThePolicyTheRolesTableGives()
    {
        var routes = RouteCatalog.Read(fixture.Factory.Services);
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            if (route.Anonymous)
            {
                Assert.Equal("/health", route.Pattern);
                continue;
            }
            Assert.True(route.Policy is not null, $"{route.Method} {route.Pattern} has neither a policy nor AllowAnonymous.");
            string key = $"{route.Method} {route.Pattern}";
            Assert.True(RouteCatalog.ExpectedPolicy.TryGetValue(key, out string? expected), $"{key} is not in the roles table of the security tests.");
            Assert.Equal(expected, route.Policy);
        }
        Assert.Equal(RouteCatalog.ExpectedPolicy.Count, routes.Count(r => !r.Anonymous));
    }

    public static TheoryData<string> Credentials => new() { "none", "wrong", "malformed", "expired", "revoked" };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task API2_WithoutAValidKey_EveryProtectedRouteIs401ProblemDetails_WithWwwAuthenticate(string credential)
    {
        var client = fixture.Factory.CreateClientFor(null);
        string? key = credential switch
        {
            "wrong" => ApiKeySecret.Generate().Text,
            "malformed" => "Bearer-but-not-a-key",
            "expired" => fixture.ExpiredKey,
            "revoked" => fixture.RevokedKey,
            _ => null,
        };
        foreach (var route in RouteCatalog.Read(fixture.Factory.Services).Where(r => !r.Anonymous))
        {
            using var request = RouteCatalog.SampleRequest(route, fixture.Enterprise(3).Uscc);
            if (key is not null) request.Headers.Add("X-Api-Key", key);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Pattern} with {credential} key: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            if (credential is "expired" or "revoked") Assert.Contains(credential, problem.GetProperty("detail").GetString());
        }
    }

    [Theory]
    [InlineData(ApiRole.Analyst)]
    [InlineData(ApiRole.System)]
    [InlineData(ApiRole.CreditOfficer)]
    [InlineData(ApiRole.Admin)]
    public async Task API5_EachRole_ReachesExactlyTheRoutesOfItsPolicies_And403ProblemDetailsElsewhere(ApiRole role)
    {
        var client = fixture.Factory.CreateClientFor(role);
        foreach (var route in RouteCatalog.Read(fixture.Factory.Services).Where(r => !r.Anonymous))
        {
            using var request = RouteCatalog.SampleRequest(route, fixture.Enterprise(3).Uscc);
            var response = await client.SendAsync(request);
            string what = $"{role.Name()} on {route.Method} {route.Pattern}: {response.StatusCode}";
            if (RouteCatalog.Allows(route.Policy!, role))
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), what);
                Assert.True((int)response.StatusCode < 500, what);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, what);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task API5_ARepairAttemptedWithAnAnalystKey_IsRefused_AndTheRecordStaysPublished()
    {
        var officer = fixture.Factory.CreateClientFor(ApiRole.CreditOfficer);
        var (uscc, penalty) = await EnterpriseWithPenaltyAsync(officer);

        var analyst = fixture.Factory.CreateClientFor(ApiRole.Analyst);
        var attempt = await analyst.PostAsJsonAsync("/api/repairs", new { record_id = penalty, method = "rectification", decided_by = "made up", reason = "r" });
        var objection = await analyst.PostAsJsonAsync("/api/objections", new { record_id = penalty, filed_by = "x", reason = "r" });

        Assert.Equal(HttpStatusCode.Forbidden, attempt.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, objection.StatusCode);
        var credit = await officer.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit");
        Assert.Contains(credit.GetProperty("penalties").EnumerateArray(), p => p.GetProperty("record_id").GetString() == penalty);
        Assert.Empty(credit.GetProperty("repairs").EnumerateArray());
    }

    [Fact]
    public async Task TheHealthRoute_IsOpenForLiveness_ButShowsItsChecksOnlyWithAKey()
    {
        var anonymous = await fixture.Factory.CreateClientFor(null).GetFromJsonAsync<JsonElement>("/health");
        Assert.True(anonymous.TryGetProperty("status", out _));
        Assert.False(anonymous.TryGetProperty("checks", out _));

        var withKey = await fixture.Factory.CreateClientFor(ApiRole.System).GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("embedded", withKey.GetProperty("checks").GetProperty("store").GetProperty("data").GetProperty("kind").GetString());
    }

    private async Task<(string Uscc, string RecordId)> EnterpriseWithPenaltyAsync(HttpClient client)
    {
        foreach (string uscc in File.ReadLines(Path.Combine(fixture.Trained.DataFolder, "penalties.csv")).Skip(1).Select(l => l.Split(',')[1]).Distinct())
        {
            var credit = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit");
            var published = credit.GetProperty("penalties").EnumerateArray().ToArray();
            if (published.Length > 0 && credit.GetProperty("repairs").GetArrayLength() == 0)
                return (uscc, published[0].GetProperty("record_id").GetString()!);
        }
        throw new InvalidOperationException("The generated home has no enterprise with a published penalty.");
    }
}
