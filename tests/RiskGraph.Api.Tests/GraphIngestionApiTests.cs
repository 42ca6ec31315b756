using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests;

/// <summary>
/// POST /api/enterprises and /api/relations: structure arriving through the API is stored at once, all or nothing,
/// and served after the background rebuild; relations can be removed by key.
/// </summary>
public class GraphIngestionApiTests(WritableApiFixture fixture) : IClassFixture<WritableApiFixture>
{
    private static Dictionary<string, object?> NewEnterprise(string uscc) => new()
    {
        ["uscc"] = uscc, ["name"] = "天津测试供应链有限公司", ["industry"] = "F51", ["region"] = "120104", ["founded"] = "2019-05-01",
        ["registered_capital"] = 5_000_000, ["status"] = "in_business",
    };

    private async Task<JsonElement> ServedAtLeastAsync(HttpClient client, long sequence)
    {
        var service = fixture.Factory.Services.GetRequiredService<WarningService>();
        for (int i = 0; i < 600 && service.Sequence < sequence; i++) await Task.Delay(50);
        Assert.True(service.Sequence >= sequence, $"the served state did not reach sequence {sequence} (at {service.Sequence})");
        return await client.GetFromJsonAsync<JsonElement>("/api/changes?since=" + (sequence - 1));
    }

    [Fact]
    public async Task ANewEnterpriseAndItsSupplyLink_AreServedAfterTheRebuild_AndTheLinkCanBeRemoved()
    {
        var officer = fixture.Factory.CreateClientFor(ApiRole.CreditOfficer);
        var service = fixture.Factory.Services.GetRequiredService<WarningService>();
        string uscc = Uscc.Compose('9', '1', "120104", "MA0ABC001");
        string buyer = service.Snapshot!.Ids.KeyOf(5);

        var created = await officer.PostAsJsonAsync("/api/enterprises", new { enterprises = new[] { NewEnterprise(uscc) } });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var written = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, written.GetProperty("written").GetInt32());
        await ServedAtLeastAsync(officer, written.GetProperty("sequence").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/enterprises/{uscc}/warning")).StatusCode);

        var link = new Dictionary<string, object?> { ["supplier_uscc"] = uscc, ["buyer_uscc"] = buyer, ["annual_amount"] = 1_200_000 };
        var linked = await (await officer.PostAsJsonAsync("/api/relations", new { supply_links = new[] { link } })).Content.ReadFromJsonAsync<JsonElement>();
        await ServedAtLeastAsync(officer, linked.GetProperty("sequence").GetInt64());
        int id = service.Snapshot!.Ids.IdOf(uscc);
        Assert.Equal(1, service.Snapshot.Graph.Offsets[id + 1] - service.Snapshot.Graph.Offsets[id]);

        var removal = new { remove = new { supply_links = new[] { new Dictionary<string, object?> { ["supplier_uscc"] = uscc, ["buyer_uscc"] = buyer } } } };
        var removed = await (await officer.PostAsJsonAsync("/api/relations", removal)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, removed.GetProperty("removed").GetInt32());
        await ServedAtLeastAsync(officer, removed.GetProperty("sequence").GetInt64());
        id = service.Snapshot!.Ids.IdOf(uscc);
        Assert.Equal(0, service.Snapshot.Graph.Offsets[id + 1] - service.Snapshot.Graph.Offsets[id]);
    }

    [Fact]
    public async Task ABadRow_IsA400NamingItsField_AndNothingOfTheBatchIsStored()
    {
        var officer = fixture.Factory.CreateClientFor(ApiRole.CreditOfficer);
        string uscc = Uscc.Compose('9', '1', "120104", "MA0ABC002");
        var unknown = Uscc.Compose('9', '1', "120104", "MA0NN0001");
        var request = new
        {
            enterprises = new[] { NewEnterprise(uscc), NewEnterprise(Uscc.Compose('9', '1', "120104", "MA0ABC003")) },
        };
        request.enterprises[1]["registered_capital"] = "lots";
        var response = await officer.PostAsJsonAsync("/api/enterprises", request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("enterprises[1].registered_capital", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/enterprises/{uscc}/credit")).StatusCode);

        var link = new Dictionary<string, object?> { ["supplier_uscc"] = unknown, ["buyer_uscc"] = uscc, ["annual_amount"] = 1 };
        var relation = await officer.PostAsJsonAsync("/api/relations", new { supply_links = new[] { link } });
        Assert.Equal(HttpStatusCode.BadRequest, relation.StatusCode);
        Assert.Contains("supply_links[0].supplier_uscc", await relation.Content.ReadAsStringAsync());

        var analyst = fixture.Factory.CreateClientFor(ApiRole.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/relations", new { supply_links = new[] { link } })).StatusCode);
    }
}
