using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RiskGraph.Api.Tests;

[Collection(TrainedApiCollection.Name)]
public class DriftApiTests(TrainedApiFixture fixture)
{
    [Fact]
    public async Task Drift_OfTheServedModel_OnTheSnapshotItWasTrainedOn_IsSmall_AndCoversEveryFeature()
    {
        var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync("/api/models/v001/drift");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("v001", body.GetProperty("model_version").GetString());
        Assert.Equal(0.2, body.GetProperty("threshold").GetDouble());
        var features = body.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(RiskGraph.Model.Features.FeatureSchema.Current.Count, features.Length);
        double[] psi = features.Select(f => f.GetProperty("psi").GetDouble()).ToArray();
        Assert.Equal(psi.OrderDescending(), psi);
        // The training rows are 80 % of this very snapshot: nothing has moved.
        Assert.All(psi, p => Assert.InRange(p, 0, 0.2));
        Assert.InRange(body.GetProperty("score").GetProperty("psi").GetDouble(), 0, 0.2);
        Assert.Empty(body.GetProperty("flagged").EnumerateArray());
        Assert.True(body.GetProperty("current_rows").GetInt32() > body.GetProperty("reference_rows").GetInt32());
    }

    [Fact]
    public async Task Drift_OfAnUnknownVersion_Is404ProblemDetails()
    {
        var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync("/api/models/v999/drift");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
