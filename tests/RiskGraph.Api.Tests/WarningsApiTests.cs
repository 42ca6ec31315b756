using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Model.Domain;

namespace RiskGraph.Api.Tests;

[Collection(TrainedApiCollection.Name)]
public class WarningsApiTests(TrainedApiFixture fixture)
{
    private static readonly string[] Levels = ["low", "medium", "high", "critical"];

    [Fact]
    public async Task Warning_ForAKnownEnterprise_HasScoreLevelReasonsAndVersion()
    {
        var client = fixture.Factory.CreateClient();
        string uscc = fixture.Usccs[0];

        var response = await client.GetAsync($"/api/enterprises/{uscc}/warning");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(uscc, body.GetProperty("uscc").GetString());
        double score = body.GetProperty("score").GetDouble();
        Assert.InRange(score, 0, 1);
        Assert.Contains(body.GetProperty("level").GetString(), Levels);
        Assert.Equal("v001", body.GetProperty("model_version").GetString());
        var reasons = body.GetProperty("reasons").EnumerateArray().ToArray();
        // Raising reasons first, largest first; then lowering ones, most negative first; direction is the sign.
        double[] raising = reasons.Where(r => r.GetProperty("direction").GetString() == "raises").Select(r => r.GetProperty("contribution").GetDouble()).ToArray();
        double[] lowering = reasons.Where(r => r.GetProperty("direction").GetString() == "lowers").Select(r => r.GetProperty("contribution").GetDouble()).ToArray();
        Assert.Equal(reasons.Length, raising.Length + lowering.Length);
        Assert.All(raising, c => Assert.True(c > 0));
        Assert.All(lowering, c => Assert.True(c < 0));
        Assert.Equal(raising.Concat(lowering), reasons.Select(r => r.GetProperty("contribution").GetDouble()));
        Assert.Equal(raising.OrderDescending(), raising);
        Assert.Equal(lowering.Order(), lowering);
    }

    [Fact]
    public async Task RawScore_IsTheLogOddsOfTheServedScore_SoReasonsReadOnThatScale()
    {
        var client = fixture.Factory.CreateClient();
        var batch = await client.PostAsJsonAsync("/api/warnings/batch", new { usccs = fixture.Usccs.Take(300) });
        var warnings = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray().ToArray();
        int withBoth = 0;
        foreach (var w in warnings)
        {
            double score = w.GetProperty("score").GetDouble(), raw = w.GetProperty("raw_score").GetDouble();
            if (score is > 1e-4 and < 1 - 1e-4) Assert.Equal(Math.Log(score / (1 - score)), raw, 0.01);
            var directions = w.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("direction").GetString()).ToHashSet();
            if (directions.SetEquals(["raises", "lowers"])) withBoth++;
            foreach (var r in w.GetProperty("reasons").EnumerateArray()) Assert.InRange(r.GetProperty("contribution").GetDouble(), -8, 8);
        }
        Assert.True(withBoth > warnings.Length / 2, $"only {withBoth} of {warnings.Length} warnings gave reasons in both directions");
    }

    [Fact]
    public async Task Reasons_OfTheRiskiestEnterprises_NameTheFeaturesThatPushedThemUp()
    {
        var client = fixture.Factory.CreateClient();
        var batch = await client.PostAsJsonAsync("/api/warnings/batch", new { usccs = fixture.Usccs.Take(500) });
        var warnings = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray().ToArray();
        var riskiest = warnings.MaxBy(w => w.GetProperty("score").GetDouble());

        Assert.NotEqual("low", riskiest.GetProperty("level").GetString());
        var reasons = riskiest.GetProperty("reasons").EnumerateArray().ToArray();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("feature").GetString())));
        // Bias plus all contributions is the raw score: the raising reasons shown are at least what lifted it above
        // the bias, less the lowering ones shown.
        double lift = riskiest.GetProperty("raw_score").GetDouble() - riskiest.GetProperty("bias").GetDouble();
        Assert.True(lift > 0);
        Assert.Equal("raises", reasons[0].GetProperty("direction").GetString());
    }

    [Fact]
    public async Task UnknownEnterprise_Is404ProblemDetails()
    {
        var client = fixture.Factory.CreateClient();
        string unknown = Uscc.Compose('9', '1', "110000", "ZZZZZZZZZ".Replace('Z', 'Y'));

        var response = await client.GetAsync($"/api/enterprises/{unknown}/warning");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains(unknown, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("91440300192203821")]
    [InlineData("914403001922038217")]
    [InlineData("9144030019220382I6")]
    public async Task MalformedUscc_Is400NamingTheField(string uscc)
    {
        var response = await fixture.Factory.CreateClient().GetAsync($"/api/enterprises/{uscc}/warning");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("uscc", out _));
    }

    [Fact]
    public async Task Batch_ReturnsWarningsAndListsUnknownCodes()
    {
        string unknown = Uscc.Compose('9', '1', "110000", "YYYYYYYYY");
        var request = new { usccs = new[] { fixture.Usccs[1], fixture.Usccs[2], fixture.Usccs[3], unknown } };

        var response = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/warnings/batch", request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("warnings").GetArrayLength());
        Assert.Equal(unknown, Assert.Single(body.GetProperty("not_found").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Batch_AboveTheLimit_Is400()
    {
        var request = new { usccs = Enumerable.Repeat(fixture.Usccs[0], 1001) };
        var response = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/warnings/batch", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("1000", problem.GetProperty("errors").GetProperty("usccs")[0].GetString());
    }

    [Fact]
    public async Task Batch_WithAMalformedCode_NamesItsIndex()
    {
        var request = new { usccs = new[] { fixture.Usccs[0], fixture.Usccs[1], "nope" } };
        var response = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/warnings/batch", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("usccs[2]", out _));
    }

    [Fact]
    public async Task ConcurrentRequests_AllGetTheSameAnswer()
    {
        var client = fixture.Factory.CreateClient();
        string uscc = fixture.Usccs[5];
        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => client.GetStringAsync($"/api/enterprises/{uscc}/warning")));
        Assert.Single(answers.Distinct());
    }
}
