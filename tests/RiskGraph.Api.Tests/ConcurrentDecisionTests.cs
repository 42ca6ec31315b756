using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Tests;

/// <summary>Concurrent repairs of one record and concurrent outcomes of one objection: one 201, the rest 409.</summary>
public class ConcurrentDecisionTests(WritableApiFixture fixture) : IClassFixture<WritableApiFixture>
{
    private string[] ActiveRecords(int count)
    {
        var ledger = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!.Ledger;
        var ids = new List<string>();
        for (int e = 0; ids.Count < count; e++)
        {
            foreach (var p in ledger.PenaltiesOf(e))
                if (ledger.StatusOf(p) == RecordStatus.Active && ids.Count < count) ids.Add(p.RecordId);
        }
        return ids.ToArray();
    }

    [Fact]
    public async Task EightConcurrentRepairsOfOneRecord_StoreOne_AndTheOthersGet409WithIt()
    {
        var client = fixture.Factory.CreateClient();
        string recordId = ActiveRecords(1)[0];

        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => client.PostAsJsonAsync("/api/repairs",
            new { record_id = recordId, method = "training", decided_by = $"部门{n}", reason = $"第{n}次" })));

        var created = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a != created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        string repairId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        foreach (var conflict in answers.Where(a => a != created))
        {
            Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
            var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>();
            // A loser that read the snapshot after the winner's reload is refused there; it names the same repair.
            Assert.Equal(repairId, problem.GetProperty("existing_repair").GetProperty("repair_id").GetString());
        }
        var store = fixture.Factory.Services.GetRequiredService<IGraphStore>();
        var stored = new List<CreditRepair>();
        await foreach (var r in store.ReadAllAsync<CreditRepair>()) if (r.RecordId == recordId) stored.Add(r);
        Assert.Equal(repairId, Assert.Single(stored).RepairId);
    }

    [Fact]
    public async Task SixConcurrentOutcomesOfOneObjection_StoreOne_AndTheOthersGet409()
    {
        var client = fixture.Factory.CreateClient();
        string recordId = ActiveRecords(2)[1];
        var filed = await client.PostAsJsonAsync("/api/objections", new { record_id = recordId, filed_by = "企业", reason = "金额有误" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        string objectionId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        string[] results = ["upheld", "corrected", "revoked", "upheld", "corrected", "revoked"];

        var answers = await Task.WhenAll(results.Select(r =>
            // A corrected outcome carries its corrected values (seed 004: 更正或撤销).
            client.PostAsJsonAsync($"/api/objections/{objectionId}/outcome", new { result = r, decided_by = "市场监管局", note = r, correction = r == "corrected" ? new { amount = 1.0 } : null })));

        int winner = Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where((_, i) => i != winner), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var store = fixture.Factory.Services.GetRequiredService<IGraphStore>();
        var outcomes = new List<ObjectionOutcome>();
        await foreach (var o in store.ReadAllAsync<ObjectionOutcome>()) if (o.ObjectionId == objectionId) outcomes.Add(o);
        // The acknowledged decision is the one stored: no later answer overwrote it.
        Assert.Equal(results[winner], Assert.Single(outcomes).Result.Name());
    }
}
