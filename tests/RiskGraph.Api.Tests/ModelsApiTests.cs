using RiskGraph.Model.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Model.Storage;
using RiskGraph.Training.Pipelines;

namespace RiskGraph.Api.Tests;

public class ModelsApiTests(WritableApiFixture fixture) : IClassFixture<WritableApiFixture>
{
    private static HttpRequestMessage Admin(HttpMethod method, string path) => new(method, path);

    [Fact]
    public async Task ActivatingAnotherVersion_SwitchesTheServedModel_WithoutFailingRequestsInFlight()
    {
        var client = fixture.Factory.CreateClient();
        string uscc = File.ReadLines(Path.Combine(fixture.Trained.DataFolder, "enterprises.csv")).Skip(1).First().Split(',')[0];
        Assert.Equal("v001", (await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/warning")).GetProperty("model_version").GetString());

        // A second version trained on the same store, with another seed, registered but not active.
        var store = fixture.Factory.Services.GetRequiredService<IGraphStore>();
        var second = await TrainingRun.RunAsync(fixture.Trained.Home, store, new WarningTrainerOptions(Seed: 99, NumberOfTrees: 40), activate: false);
        Assert.Equal("v002", second.Version);

        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            while (!stop.IsCancellationRequested) statuses.Add((await client.GetAsync($"/api/enterprises/{uscc}/warning")).StatusCode);
            return statuses;
        });
        var activation = await client.SendAsync(Admin(HttpMethod.Post, "/api/models/v002/activate"));
        await Task.Delay(200);
        stop.Cancel();
        var statuses = await load;

        Assert.Equal(HttpStatusCode.OK, activation.StatusCode);
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal("v002", (await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/warning")).GetProperty("model_version").GetString());
        var models = (await client.GetFromJsonAsync<JsonElement>("/api/models")).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal("v002", Assert.Single(models!, m => m.GetProperty("active").GetBoolean()).GetProperty("version").GetString());
        Assert.All(models!, m => Assert.InRange(m.GetProperty("with_graph_features").GetProperty("auc").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task AModelWithAnotherFeatureSchema_IsRefused()
    {
        var registry = new RiskGraph.Model.Scoring.ModelRegistry(fixture.Trained.Home);
        string source = registry.FolderOf("v001"), copy = registry.FolderOf("v090");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), overwrite: true);
        string schemaPath = Path.Combine(copy, "feature-schema.json");
        string current = RiskGraph.Model.Features.FeatureSchema.Current.Version;
        File.WriteAllText(schemaPath, File.ReadAllText(schemaPath).Replace($"\"version\": \"{current}\"", "\"version\": \"1\""));

        var response = await fixture.Factory.CreateClient().SendAsync(Admin(HttpMethod.Post, "/api/models/v090/activate"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("feature schema 1", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.NotEqual("v090", registry.ActiveVersion());
    }

    [Fact]
    public async Task Activation_IsForAdminsOnly_AndUnknownVersionsAre404()
    {
        var client = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClientFor(null).PostAsync("/api/models/v001/activate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.CreateClientFor(ApiRole.CreditOfficer).PostAsync("/api/models/v001/activate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Admin(HttpMethod.Post, "/api/models/v777/activate"))).StatusCode);
    }
}
