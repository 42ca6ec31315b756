using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Model.Security;
using static RiskGraph.Api.Tests.Monitoring.MonitoringApiFixture;

namespace RiskGraph.Api.Tests.Monitoring;

/// <summary>Delivery: signed webhooks to a loopback receiver with retries, refused targets (SSRF), and the live stream.</summary>
public class WebhookAndStreamTests(MonitoringApiFixture fixture) : IClassFixture<MonitoringApiFixture>
{
    [Fact]
    public async Task AWebhookDelivery_IsSignedAndVerifiedByTheReceiver_AfterRetriesOn500_AndItsOutcomeIsRecorded()
    {
        using var receiver = new LoopbackReceiver(failures: 2);
        var analyst = fixture.Factory.CreateClientFor(ApiRole.Analyst);
        var (member, neighbour) = fixture.MemberWithSupplier();
        string id = await CreateListAsync(analyst, "推送", 1, member);
        var created = await analyst.PostAsJsonAsync($"/api/watchlists/{id}/webhooks", new { url = receiver.Url });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var hook = await created.Content.ReadFromJsonAsync<JsonElement>();
        receiver.Secret = hook.GetProperty("secret").GetString();
        Assert.StartsWith("whsec_", receiver.Secret);

        await fixture.Factory.CreateClientFor(ApiRole.CreditOfficer).PostAsJsonAsync("/api/records",
            new { penalties = new[] { Fine("WH-" + Guid.NewGuid().ToString("N")[..8], neighbour, 50_000) } });
        var penalty = await WaitForEventAsync(analyst, id, e => e.GetProperty("kind").GetString() == "penalty");

        JsonElement delivery = default;
        for (int i = 0; i < 300 && delivery.ValueKind == JsonValueKind.Undefined; i++)
        {
            var hooks = await analyst.GetFromJsonAsync<JsonElement>($"/api/watchlists/{id}/webhooks");
            delivery = Assert.Single(hooks.GetProperty("items").EnumerateArray()).GetProperty("deliveries").EnumerateArray()
                .FirstOrDefault(d => d.GetProperty("event_id").GetString() == penalty.GetProperty("id").GetString() && d.GetProperty("state").GetString() == "delivered");
            if (delivery.ValueKind == JsonValueKind.Undefined) await Task.Delay(200);
        }
        Assert.Equal(200, delivery.GetProperty("last_status").GetInt32());
        var requests = receiver.Requests.Where(r => r.EventId == penalty.GetProperty("id").GetString()).ToArray();
        // Two answers of 500, retried by the resilience pipeline, then the 200; every request carried a valid signature.
        Assert.True(requests.Length >= 3, $"{requests.Length} requests");
        Assert.Equal([500, 500], receiver.Requests.Take(2).Select(r => r.Status));
        Assert.All(requests, r => Assert.True(r.Verified));
        var body = JsonDocument.Parse(requests[^1].Body).RootElement;
        Assert.Equal((neighbour, "penalty"), (body.GetProperty("enterprise").GetString(), body.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://10.0.0.8/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]:9/hook")]
    [InlineData("ftp://127.0.0.1/hook")]
    [InlineData("http://user:pw@127.0.0.1:9/hook")]
    [InlineData("not a url")]
    public async Task AWebhookToAHostNotOnTheAllowList_OrToAnInternalAddress_IsRefused(string url)
    {
        var analyst = fixture.Factory.CreateClientFor(ApiRole.Analyst);
        string id = await CreateListAsync(analyst, "ssrf", 0, fixture.MemberWithSupplier().Member);
        var response = await analyst.PostAsJsonAsync($"/api/watchlists/{id}/webhooks", new { url });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("url", out _));
        var hooks = await analyst.GetFromJsonAsync<JsonElement>($"/api/watchlists/{id}/webhooks");
        Assert.Empty(hooks.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TheLiveStream_SendsANewEventAsAServerSentEvent_WithTheCursorAsItsId()
    {
        var analyst = fixture.Factory.CreateClientFor(ApiRole.Analyst);
        var (member, neighbour) = fixture.MemberWithSupplier();
        string id = await CreateListAsync(analyst, "实时", 1, member);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await analyst.GetAsync($"/api/watchlists/{id}/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal("event: ready", await ReadUntilAsync(reader, l => l.StartsWith("event:"), timeout.Token));

        await fixture.Factory.CreateClientFor(ApiRole.CreditOfficer).PostAsJsonAsync("/api/records",
            new { penalties = new[] { Fine("SSE-" + Guid.NewGuid().ToString("N")[..8], neighbour, 50_000) } });

        Assert.Equal("event: watch_event", await ReadUntilAsync(reader, l => l == "event: watch_event", timeout.Token));
        string data = await ReadUntilAsync(reader, l => l.StartsWith("data: "), timeout.Token);
        var e = JsonDocument.Parse(data["data: ".Length..]).RootElement;
        Assert.Equal((id, member), (e.GetProperty("watchlist_id").GetString(), e.GetProperty("member").GetString()));
        string cursorLine = await ReadUntilAsync(reader, l => l.StartsWith("id: ") || l.Length == 0, timeout.Token);
        if (cursorLine.StartsWith("id: ")) Assert.Equal(e.GetProperty("cursor").GetString(), cursorLine["id: ".Length..]);
    }

    private static async Task<string> ReadUntilAsync(StreamReader reader, Func<string, bool> match, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
            if (match(line)) return line;
        throw new EndOfStreamException("The stream ended.");
    }
}
