using System.Net.Http.Headers;
using RiskGraph.Api.ClientTests.Generated;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.ClientTests;

/// <summary>
/// A calling system's view: a bank's loan system with a `system` key, the client NSwag generates from the committed
/// document, and the API as its own Kestrel process over a trained home. Nothing here references the API's code.
/// </summary>
public sealed class GeneratedClientTests : IAsyncLifetime
{
    // A well-formed code (check character included) that the generator never writes.
    private static readonly string Unknown = RiskGraph.Model.Domain.Uscc.Compose('9', '1', "110000", "YYYYYYYYY");

    private TrainedHome _trained = null!;
    private ApiProcess _api = null!;
    private HttpClient _http = null!;
    private RiskGraphClient _client = null!;
    private string[] _usccs = [];

    public async Task InitializeAsync()
    {
        _trained = await TrainedHome.CreateAsync(enterprises: 1_500, seed: 5);
        _usccs = File.ReadLines(Path.Combine(_trained.DataFolder, "enterprises.csv")).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        var created = await ApiProcess.RunCliAsync(_trained.Home.Root, "keys", "create", "--name", "bank-x", "--role", "system", "--department", "Bank X");
        Assert.Equal(0, created.ExitCode);
        string key = created.Output.Trim().Split('\n')[^1].Trim();
        _api = await ApiProcess.StartAsync(_trained.Home.Root);
        _http = new HttpClient { BaseAddress = new Uri(_api.BaseUrl) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _client = new RiskGraphClient(_http);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
        _trained.Dispose();
    }

    [Fact]
    public async Task Warning_Batch_AndCheck_DeserializeIntoTheGeneratedTypes()
    {
        var warning = await _client.GetWarningAsync(_usccs[0]);
        Assert.Equal(_usccs[0], warning.Uscc);
        Assert.InRange(warning.Score, 0, 1);
        Assert.True(Enum.IsDefined(warning.Level));
        Assert.NotEmpty(warning.Reasons);
        Assert.False(string.IsNullOrEmpty(warning.Model_version));
        Assert.True(Enum.IsDefined(warning.Credit_class.Class));

        var batch = await _client.GetWarningsBatchAsync(new BatchWarningRequest { Usccs = [_usccs[1], _usccs[2], Unknown] });
        Assert.Equal([_usccs[1], _usccs[2]], batch.Warnings.Select(w => w.Uscc));
        Assert.Single(batch.Not_found);

        var check = await _client.CheckApplicantAsync("credit_check", new CheckRequest { Uscc = _usccs[3], Purpose = CheckRequestPurpose.Financing });
        Assert.Equal(_usccs[3], check.Uscc);
        Assert.Equal(CheckResponsePurpose.Financing, check.Purpose);
        Assert.NotNull(check.Credit_class.Decisive_rule);

        var health = await _client.GetHealthAsync();
        Assert.Equal(HealthResponseStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task ErrorCases_ArriveAsTheDocumentedProblemDetails()
    {
        // 400 names the field.
        var invalid = await Assert.ThrowsAsync<RiskGraphApiException<HttpValidationProblemDetails>>(() => _client.GetWarningAsync("not-a-code"));
        Assert.Equal(400, invalid.StatusCode);
        Assert.True(invalid.Result.Errors.ContainsKey("uscc"));
        Assert.False(string.IsNullOrEmpty(invalid.Result.Trace_id));

        var tooMany = await Assert.ThrowsAsync<RiskGraphApiException<HttpValidationProblemDetails>>(
            () => _client.GetWarningsBatchAsync(new BatchWarningRequest { Usccs = Enumerable.Repeat(_usccs[0], 1_001).ToList() }));
        Assert.True(tooMany.Result.Errors.ContainsKey("usccs"));

        var badCode = await Assert.ThrowsAsync<RiskGraphApiException<HttpValidationProblemDetails>>(
            () => _client.GetWarningsBatchAsync(new BatchWarningRequest { Usccs = [_usccs[0], "x"] }));
        Assert.True(badCode.Result.Errors.ContainsKey("usccs[1]"));

        var noPurpose = await Assert.ThrowsAsync<RiskGraphApiException<HttpValidationProblemDetails>>(
            () => _client.CheckApplicantAsync("gossip", new CheckRequest { Uscc = _usccs[0], Purpose = CheckRequestPurpose.Bidding }));
        Assert.True(noPurpose.Result.Errors.ContainsKey("X-Purpose"));

        // 404 for a well-formed code the store does not hold.
        var unknown = await Assert.ThrowsAsync<RiskGraphApiException<ProblemDetails>>(() => _client.GetWarningAsync(Unknown));
        Assert.Equal(404, unknown.StatusCode);

        // 403: a system key may not read networks (they name persons).
        var forbidden = await Assert.ThrowsAsync<RiskGraphApiException<ProblemDetails>>(() => _client.GetNetworkAsync(_usccs[0], 1, 50, "credit_check"));
        Assert.Equal(403, forbidden.StatusCode);

        // 401 without a key.
        using var anonymous = new HttpClient { BaseAddress = new Uri(_api.BaseUrl) };
        var unauthorized = await Assert.ThrowsAsync<RiskGraphApiException<ProblemDetails>>(() => new RiskGraphClient(anonymous).GetWarningAsync(_usccs[0]));
        Assert.Equal(401, unauthorized.StatusCode);
    }
}
