using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskGraph.Model.Domain;

namespace RiskGraph.Api.Tests;

public class EmptyHomeApiTests
{
    [Fact]
    public async Task WithoutATrainedModel_WarningsAre503_AndHealthSaysWhy()
    {
        string home = Path.Combine(Path.GetTempPath(), "riskgraph-tests", Guid.NewGuid().ToString("N"));
        await using (var factory = new RiskGraphApiFactory(home))
        {
            var client = factory.CreateClient();
            var response = await client.GetAsync($"/api/enterprises/{Uscc.Compose('9', '1', "310115", "MA0000001")}/warning");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("train", problem.GetProperty("detail").GetString());
            // No absolute path of the server in any answer.
            Assert.DoesNotContain(home, problem.GetProperty("detail").GetString());

            var health = await client.GetFromJsonAsync<JsonElement>("/health");
            Assert.Equal("degraded", health.GetProperty("checks").GetProperty("model").GetProperty("status").GetString());
            // An empty store is not "healthy": nothing can be warned about.
            var store = health.GetProperty("checks").GetProperty("store");
            Assert.Equal("degraded", store.GetProperty("status").GetString());
            Assert.Contains("store is empty", store.GetProperty("description").GetString());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(home, recursive: true);
    }
}
