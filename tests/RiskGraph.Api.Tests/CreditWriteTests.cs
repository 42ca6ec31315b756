using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests;

/// <summary>A home of its own, because these tests change the store.</summary>
public sealed class WritableApiFixture : IAsyncLifetime
{
    public TrainedHome Trained { get; private set; } = null!;

    public RiskGraphApiFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Trained = await TrainedHome.CreateAsync(enterprises: 2_000, seed: 23);
        Factory = new RiskGraphApiFactory(Trained.Home.Root, modelPollSeconds: 1);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Trained.Dispose();
    }
}

public class CreditWriteTests(WritableApiFixture fixture) : IClassFixture<WritableApiFixture>
{
    /// <summary>An enterprise classed red by exactly one published fine: repairing it must turn it green.</summary>
    private (string Uscc, string RecordId) EnterpriseWithOneDecisiveFine()
    {
        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        for (int e = 0; e < snapshot.EnterpriseCount; e++)
        {
            var classification = CreditClassifier.Classify(snapshot.Ledger, e);
            if (classification.Matches.Count == 1 && classification.Decisive.Rule == CreditRules.FewPenalties && classification.Decisive.RecordIds.Count == 1)
                return (snapshot.Ids.KeyOf(e), classification.Decisive.RecordIds[0]);
        }
        throw new InvalidOperationException("The generated data has no enterprise classed by a single fine.");
    }

    [Fact]
    public async Task ARepairedRecord_DisappearsFromEveryPublishedOutput_AtOnce_WhileItsHistoryStays()
    {
        var client = fixture.Factory.CreateClient();
        var (uscc, recordId) = EnterpriseWithOneDecisiveFine();
        var creditBefore = await client.GetStringAsync($"/api/enterprises/{uscc}/credit");
        var warningBefore = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/warning");
        Assert.Contains(recordId, creditBefore);
        Assert.Equal("dishonest", warningBefore.GetProperty("credit_class").GetProperty("class").GetString());

        var repair = await client.PostAsJsonAsync("/api/repairs", new { record_id = recordId, method = "credit_report", decided_by = "市场监管局", reason = "已整改并提交信用报告" });

        Assert.Equal(HttpStatusCode.Created, repair.StatusCode);
        var change = await repair.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("repaired", change.GetProperty("record_status").GetString());
        Assert.Equal("good", change.GetProperty("credit_class").GetProperty("class").GetString());
        // Stored with a sequence of the change feed, and already reflected in what is served.
        Assert.True(change.GetProperty("sequence").GetInt64() > 0);
        Assert.True(change.GetProperty("reflected").GetBoolean());

        // Classification and the credit file: the record is no longer listed, only the repair decision is.
        var officer = fixture.Factory.CreateClientFor(RiskGraph.Model.Security.ApiRole.CreditOfficer);
        var credit = await officer.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit");
        Assert.DoesNotContain(credit.GetProperty("penalties").EnumerateArray(), p => p.GetProperty("record_id").GetString() == recordId);
        Assert.Equal("good", credit.GetProperty("credit_class").GetProperty("class").GetString());
        var listed = Assert.Single(credit.GetProperty("repairs").EnumerateArray());
        Assert.Equal("已整改并提交信用报告", listed.GetProperty("reason").GetString());
        // The decision is the authenticated principal's, not the name the body gave (市场监管局).
        Assert.Equal("test-admin (admin department)", listed.GetProperty("decided_by").GetString());
        // Outside the credit officer's view the file says only that a record was repaired and when.
        Assert.DoesNotContain(recordId, await fixture.Factory.CreateClientFor(RiskGraph.Model.Security.ApiRole.Analyst).GetStringAsync($"/api/enterprises/{uscc}/credit"));

        // Warnings and their reasons: the class, the rules and the own-record features no longer count it.
        var warning = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/warning");
        Assert.Equal("good", warning.GetProperty("credit_class").GetProperty("class").GetString());
        Assert.DoesNotContain(recordId, warning.GetRawText());
        var scored = fixture.Factory.Services.GetRequiredService<WarningService>().Current!;
        int id = scored.Snapshot.Ids.IdOf(uscc);
        Assert.Equal(0, scored.Features[id, RiskGraph.Model.Features.FeatureCatalog.PenaltyFine] + scored.Features[id, RiskGraph.Model.Features.FeatureCatalog.PenaltyConfiscation]);
        Assert.Contains(warning.GetProperty("reasons").EnumerateArray(), _ => true);

        // Alerts: the repaired enterprise no longer has a negative record, so no path may end at it.
        foreach (string kind in new[] { "cross_industry", "cross_region" })
        {
            var alerts = await client.GetFromJsonAsync<JsonElement>($"/api/alerts?kind={kind}&top=200");
            Assert.DoesNotContain(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("target").GetProperty("uscc").GetString() == uscc);
        }

        // Checks and network views.
        var check = await client.PostAsJsonAsync("/api/checks", new { uscc, purpose = "procurement" });
        Assert.DoesNotContain(recordId, await check.Content.ReadAsStringAsync());
        Assert.DoesNotContain(recordId, await client.GetStringAsync($"/api/enterprises/{uscc}/network?depth=2"));

        // Repairing again is a conflict; the history is kept in the store.
        var again = await client.PostAsJsonAsync("/api/repairs", new { record_id = recordId, method = "commitment", decided_by = "x", reason = "y" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(RecordStatus.Repaired, fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!.Ledger.StatusOf(recordId));
    }

    [Fact]
    public async Task AnObjection_ContestsTheRecord_AndRevokingItWithdrawsIt()
    {
        var client = fixture.Factory.CreateClient();
        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        int enterprise = Enumerable.Range(0, snapshot.EnterpriseCount).First(e =>
            snapshot.Classes[e] == CreditClass.Dishonest && snapshot.Ledger.ListEntriesOf(e).ToArray().Any(l => l.ListType == ListType.AbnormalOperation && snapshot.Ledger.IsPublished(l)));
        var entry = snapshot.Ledger.ListEntriesOf(enterprise).ToArray().First(l => l.ListType == ListType.AbnormalOperation && snapshot.Ledger.IsPublished(l));

        var filed = await client.PostAsJsonAsync("/api/objections", new { record_id = entry.RecordId, filed_by = "企业法定代表人", reason = "已在登记住所经营" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var objection = await filed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("contested", objection.GetProperty("record_status").GetString());

        string objectionId = objection.GetProperty("id").GetString()!;
        var decided = await client.PostAsJsonAsync($"/api/objections/{objectionId}/outcome", new { result = "revoked", decided_by = "市场监管局", note = "核实后撤销" });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        Assert.Equal("revoked", (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("record_status").GetString());

        var credit = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{snapshot.Ids.KeyOf(enterprise)}/credit");
        Assert.DoesNotContain(credit.GetProperty("list_entries").EnumerateArray(), l => l.GetProperty("record_id").GetString() == entry.RecordId);
        Assert.Equal("revoked", Assert.Single(credit.GetProperty("objections").EnumerateArray()).GetProperty("outcome").GetProperty("result").GetString());
        var twice = await client.PostAsJsonAsync($"/api/objections/{objectionId}/outcome", new { result = "upheld", decided_by = "x" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task ARecordImportedWhileTheApiRuns_ReachesTheClassWithoutARestart()
    {
        var client = fixture.Factory.CreateClient();
        var service = fixture.Factory.Services.GetRequiredService<WarningService>();
        var snapshot = service.Snapshot!;
        int good = Array.IndexOf(snapshot.Classes.ToArray(), CreditClass.Good);
        string uscc = snapshot.Ids.KeyOf(good);
        var store = fixture.Factory.Services.GetRequiredService<RiskGraph.Model.Storage.IGraphStore>();

        // As an import from the CLI would: straight into the store, not through the API.
        await store.UpsertAsync<Penalty>([new("LATE-ARRIVAL-1", uscc, PenaltyKind.LicenceRevoked, 0, snapshot.AsOf.AddDays(-3), snapshot.AsOf, "市场监管局", "行政处罚-吊销许可证件")]);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? cls = null;
        while (DateTime.UtcNow < deadline)
        {
            cls = (await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit")).GetProperty("credit_class").GetProperty("class").GetString();
            if (cls == "seriously_dishonest") break;
            await Task.Delay(250);
        }
        Assert.Equal("seriously_dishonest", cls);
    }

    [Theory]
    [InlineData("{\"method\":\"commitment\",\"decided_by\":\"d\",\"reason\":\"r\"}", "record_id")]
    [InlineData("{\"record_id\":\"NO-SUCH-RECORD\",\"method\":\"commitment\",\"decided_by\":\"d\",\"reason\":\"r\"}", "record_id")]
    [InlineData("{\"record_id\":\"@\",\"method\":\"prayer\",\"decided_by\":\"d\",\"reason\":\"r\"}", "method")]
    [InlineData("{\"record_id\":\"@\",\"method\":\"commitment\",\"decided_by\":\"d\"}", "reason")]
    public async Task ABadRepair_Is400NamingTheField_AndStoresNothing(string body, string field)
    {
        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        string someRecord = Enumerable.Range(0, snapshot.EnterpriseCount).SelectMany(e => snapshot.Ledger.PenaltiesOf(e).ToArray()).First().RecordId;
        var content = new StringContent(body.Replace("@", someRecord), System.Text.Encoding.UTF8, "application/json");
        long repairsBefore = await CountRepairsAsync();

        var response = await fixture.Factory.CreateClient().PostAsync("/api/repairs", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(repairsBefore, await CountRepairsAsync());
    }

    private async Task<long> CountRepairsAsync()
    {
        var store = fixture.Factory.Services.GetRequiredService<RiskGraph.Model.Storage.IGraphStore>();
        return await store.CountAsync<CreditRepair>();
    }
}
