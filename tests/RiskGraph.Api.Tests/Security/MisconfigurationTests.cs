using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests.Security;

/// <summary>OWASP API8:2023 Security Misconfiguration and API9:2023 Improper Inventory Management.</summary>
[Collection(SecuredApiCollection.Name)]
public class MisconfigurationTests(SecuredApiFixture fixture)
{
    [Fact]
    public async Task API8_CorsIsClosedByDefault()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, $"/api/enterprises/{fixture.Enterprise(0).Uscc}/warning");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await fixture.Factory.CreateClientFor(ApiRole.Analyst).SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task API8_TheExplorerIsServedWithAStrictContentSecurityPolicy_NoSniffAndNoFraming()
    {
        var response = await fixture.Factory.CreateClientFor(null).GetAsync("/explorer/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        string scripts = csp.Split(';').Single(d => d.Trim().StartsWith("script-src"));
        Assert.DoesNotContain("unsafe-inline", scripts);
        Assert.DoesNotContain("unsafe-eval", scripts);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        string html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"<script>(?!\s*</script>)", html);
        Assert.DoesNotContain(" onclick=", html);
    }

    [Fact]
    public async Task API8_NoAnswerCarriesAnExceptionOrStackTrace()
    {
        var client = fixture.Factory.CreateClient();
        using var bogus = new HttpRequestMessage(HttpMethod.Post, "/api/warnings/batch")
        {
            Content = new StringContent("{\"usccs\":[\"x\"]}", System.Text.Encoding.UTF8),
        };
        bogus.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=bogus");
        var responses = new[]
        {
            await client.SendAsync(bogus),
            await client.PostAsync("/api/warnings/batch", new StringContent("{\"usccs\": [", System.Text.Encoding.UTF8, "application/json")),
            await client.GetAsync($"/api/enterprises/{fixture.Enterprise(0).Uscc}/network?depth=abc"),
        };
        foreach (var response in responses)
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{response.StatusCode}: {body}");
            Assert.DoesNotContain("   at ", body);
            Assert.DoesNotContain("Exception", body);
        }
    }

    [Fact]
    public async Task API9_TheOpenApiDocument_DescribesBothSecuritySchemes_AndMarksProtectedOperations()
    {
        var document = await fixture.Factory.CreateClientFor(null).GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("apiKey", schemes.GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        var warning = document.GetProperty("paths").GetProperty("/api/enterprises/{uscc}/warning").GetProperty("get");
        Assert.True(warning.GetProperty("security").GetArrayLength() >= 1);
        Assert.True(warning.GetProperty("responses").TryGetProperty("401", out _));
    }
}
