using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests;

/// <summary>Writes with an Idempotency-Key: a retried request gets the first answer, and nothing is written twice.</summary>
public class IdempotencyTests(WritableApiFixture fixture) : IClassFixture<WritableApiFixture>
{
    private static HttpRequestMessage Post(string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task ARetriedRepair_GetsTheFirstAnswer_NotA409_AndTheKeyCannotBeReusedElsewhere()
    {
        var officer = fixture.Factory.CreateClientFor(ApiRole.CreditOfficer);
        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        var penalty = Enumerable.Range(0, snapshot.EnterpriseCount).SelectMany(e => snapshot.Ledger.PenaltiesOf(e).ToArray())
            .First(p => snapshot.Ledger.IsPublished(p) && snapshot.Ledger.HistoryOf(p.RecordId) is null);
        string key = "repair-" + Guid.NewGuid().ToString("N");
        var repair = new { record_id = penalty.RecordId, method = "commitment", decided_by = "市场监管局", reason = "已履行承诺" };

        var first = await officer.SendAsync(Post("/api/repairs", repair, key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        string firstBody = await first.Content.ReadAsStringAsync();
        var retried = await officer.SendAsync(Post("/api/repairs", repair, key));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(JsonDocument.Parse(firstBody).RootElement.GetProperty("id").GetString(),
            (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        // Without the key the same request is a second attempt, which the once-only rule refuses.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync("/api/repairs", repair)).StatusCode);

        var elsewhere = await officer.SendAsync(Post("/api/records", new { penalties = Array.Empty<object>() }, key));
        Assert.Equal((HttpStatusCode)422, elsewhere.StatusCode);
        var malformed = await officer.SendAsync(Post("/api/repairs", repair, "has space"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("Idempotency-Key", await malformed.Content.ReadAsStringAsync());

        // Another caller's identical key is another key.
        var admin = fixture.Factory.CreateClient();
        var other = await admin.SendAsync(Post("/api/repairs", repair, key));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
    }
}
