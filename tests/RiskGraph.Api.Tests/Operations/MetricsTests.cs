using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests.Operations;

/// <summary>/metrics: the Prometheus text format with the product metrics, for administrators only (or an allowed network).</summary>
[Collection(TrainedApiCollection.Name)]
public sealed class MetricsTests(TrainedApiFixture fixture)
{
    [Fact]
    public async Task Metrics_CarryWarningsByLevelScoringLatencyAndServingState_ForAdministratorsOnly()
    {
        var admin = fixture.Factory.CreateClient();
        (await admin.GetAsync($"/api/enterprises/{fixture.Usccs[0]}/warning")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClientFor(null).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.CreateClientFor(ApiRole.Analyst).GetAsync("/metrics")).StatusCode);

        // The exporter collects on request; a warning served above shows in the next scrape.
        string text = await admin.GetStringAsync("/metrics");
        Assert.Contains("riskgraph_warnings_served_total{", text);
        Assert.Contains("level=\"", text);
        Assert.Contains("riskgraph_scoring_duration_seconds_bucket{", text);
        Assert.Contains("riskgraph_snapshot_age_seconds", text);
        Assert.Contains("riskgraph_change_feed_lag", text);
        Assert.Contains("riskgraph_audit_queue_depth", text);
        Assert.Contains("riskgraph_audit_commit_duration_seconds", text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task ABatchCountsEachOfItsWarnings_UnderItsLevel()
    {
        var admin = fixture.Factory.CreateClient();
        var usccs = fixture.Usccs.Take(40).ToArray();
        long before = ServedTotal(await admin.GetStringAsync("/metrics"));
        (await admin.PostAsJsonAsync("/api/warnings/batch", new { usccs })).EnsureSuccessStatusCode();
        // The exporter keeps a scrape for a moment (ScrapeResponseCacheDurationMilliseconds): ask until it is renewed.
        long after = before;
        for (int attempt = 0; attempt < 50 && after - before < usccs.Length; attempt++)
        {
            await Task.Delay(100);
            after = ServedTotal(await admin.GetStringAsync("/metrics"));
        }

        // Other test classes may serve warnings on the same meter meanwhile: they can only add to the count.
        Assert.True(after - before >= usccs.Length, $"served total rose by {after - before}, expected at least {usccs.Length}");
    }

    private static long ServedTotal(string prometheus) => prometheus.Split('\n')
        .Where(line => line.StartsWith("riskgraph_warnings_served_total{", StringComparison.Ordinal))
        .Sum(line => long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
}
