using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using Xunit.Abstractions;

namespace RiskGraph.Api.Tests;

/// <summary>The four corrections of issue 17 through the API, on generated enterprises; each logs its before and after.</summary>
public class SeedCorrectionsApiTests(WritableApiFixture fixture, ITestOutputHelper output) : IClassFixture<WritableApiFixture>
{
    private GraphSnapshot Snapshot => fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;

    private HttpClient Officer() => fixture.Factory.CreateClientFor(RiskGraph.Model.Security.ApiRole.CreditOfficer);

    // An analyst: outside the credit officer's view.
    private HttpClient Public() => fixture.Factory.CreateClientFor(RiskGraph.Model.Security.ApiRole.Analyst);

    // Seed 004: 「对失信被执行人、重大税收违法 案件当事人等被列入严重失信主体名单的市场主体,在财政性资 金项目申报、评先评优、资质认定、参与公共资源交易等活动中 予以约束和限制」
    [Theory]
    [InlineData("subsidy", "no_government_funding")]
    [InlineData("honours", "no_honours")]
    [InlineData("qualification", "no_qualification_recognition")]
    [InlineData("procurement", "restricted_public_resource_trading")]
    public async Task 失信被执行人_AreRestrictedInChecks_WhateverTheirClass(string purpose, string restriction)
    {
        var snapshot = Snapshot;
        int e = Enumerable.Range(0, snapshot.EnterpriseCount).First(i => snapshot.Classes[i] == CreditClass.Dishonest
            && snapshot.Ledger.ListEntriesOf(i).ToArray().Any(l => l.ListType == ListType.DishonestJudgmentDebtor && snapshot.Ledger.IsPublished(l)));
        string uscc = snapshot.Ids.KeyOf(e);

        var body = await (await fixture.Factory.CreateClient().PostAsJsonAsync("/api/checks", new { uscc, purpose })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("dishonest", body.GetProperty("credit_class").GetProperty("class").GetString());
        Assert.Equal(restriction, Assert.Single(body.GetProperty("restrictions").EnumerateArray()).GetProperty("code").GetString());
        output.WriteLine($"{uscc} {snapshot.Enterprises.Names[e]}: class dishonest, {purpose} → before: no restriction; after: {restriction}");
    }

    // Seed 004: 「对有误的信用信息应及时更正或撤销」 — the corrected record keeps counting at its corrected values.
    [Fact]
    public async Task 对有误的信用信息应及时更正或撤销_ACorrectedFineCountsAtItsCorrectedAmount()
    {
        var snapshot = Snapshot;
        int e = Enumerable.Range(0, snapshot.EnterpriseCount).First(i =>
        {
            var c = CreditClassifier.Classify(snapshot.Ledger, i);
            return c.Matches.Count == 1 && c.Decisive.Rule == CreditRules.FewPenalties && c.Decisive.RecordIds.Count == 1;
        });
        string uscc = snapshot.Ids.KeyOf(e), recordId = CreditClassifier.Classify(snapshot.Ledger, e).Decisive.RecordIds[0];
        double amount = snapshot.Ledger.PenaltiesOf(e).ToArray().Single(p => p.RecordId == recordId).Amount;
        var client = fixture.Factory.CreateClient();
        var filed = await (await client.PostAsJsonAsync("/api/objections", new { record_id = recordId, filed_by = "企业", reason = "罚款金额录入有误" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        string objectionId = filed.GetProperty("id").GetString()!;

        var missing = await client.PostAsJsonAsync($"/api/objections/{objectionId}/outcome", new { result = "corrected", decided_by = "市场监管局" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("correction", out _));
        var negative = await client.PostAsJsonAsync($"/api/objections/{objectionId}/outcome",
            new { result = "corrected", decided_by = "市场监管局", correction = new { amount = -1 } });
        Assert.True((await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("correction.amount", out _));

        var decided = await client.PostAsJsonAsync($"/api/objections/{objectionId}/outcome",
            new { result = "corrected", decided_by = "市场监管局", note = "金额更正", correction = new { amount = 600_000.0 } });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var change = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("corrected", change.GetProperty("record_status").GetString());
        Assert.Equal("seriously_dishonest", change.GetProperty("credit_class").GetProperty("class").GetString());

        var credit = await Officer().GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit");
        var penalty = credit.GetProperty("penalties").EnumerateArray().Single(p => p.GetProperty("record_id").GetString() == recordId);
        Assert.Equal(600_000, penalty.GetProperty("amount").GetDouble());
        Assert.Equal(amount, penalty.GetProperty("original").GetProperty("amount").GetDouble());
        var publicView = await Public().GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/credit");
        Assert.Equal(JsonValueKind.Null, publicView.GetProperty("penalties").EnumerateArray().Single(p => p.GetProperty("record_id").GetString() == recordId)
            .GetProperty("original").ValueKind);
        output.WriteLine($"{uscc} {snapshot.Enterprises.Names[e]}: fine {recordId} CNY {amount} corrected to CNY 600,000 → before: withdrawn, class good; after: counted, class seriously_dishonest");
    }

    // Seed 001: 「被依法责令停产停业,吊销营业执照或许可证」 — seriously dishonest while the revocation holds.
    [Fact]
    public async Task 吊销营业执照或许可证_HoldsWhileItHolds_NotOnlyForThreeYears()
    {
        var snapshot = Snapshot;
        var client = fixture.Factory.CreateClient();
        // Preferably one whose only counting record is the old revocation, so before and after differ in class.
        var candidates = Enumerable.Range(0, snapshot.EnterpriseCount)
            .SelectMany(i => snapshot.Ledger.PenaltiesOf(i).ToArray().Select(p => (p, i)))
            .Where(x => x.p.Kind == PenaltyKind.LicenceRevoked && x.p.DecisionDate <= snapshot.AsOf.AddYears(-3) && snapshot.Ledger.IsPublished(x.p)).ToArray();
        var (penalty, owner) = candidates.FirstOrDefault(x => !OtherRules(snapshot, x.i, x.p.RecordId).Any(), candidates[0]);
        var credit = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{snapshot.Ids.KeyOf(owner)}/credit");
        Assert.Equal("seriously_dishonest", credit.GetProperty("credit_class").GetProperty("class").GetString());
        Assert.Contains(credit.GetProperty("penalties").EnumerateArray(), p => p.GetProperty("record_id").GetString() == penalty.RecordId);
        var others = OtherRules(snapshot, owner, penalty.RecordId);
        output.WriteLine($"{snapshot.Ids.KeyOf(owner)} {snapshot.Enterprises.Names[owner]}: licence revoked {penalty.DecisionDate:yyyy-MM-dd} (over 3 years before {snapshot.AsOf:yyyy-MM-dd}), " +
            $"status {snapshot.Ledger.EnterpriseStatusOf(owner).Name()}, other rules matched [{string.Join(", ", others)}] → before: the revocation expired; after: seriously_dishonest");

        var store = fixture.Factory.Services.GetRequiredService<RiskGraph.Model.Storage.IGraphStore>();
        int revoked = Enumerable.Range(0, snapshot.EnterpriseCount).First(i => snapshot.Ledger.EnterpriseStatusOf(i) == EnterpriseStatus.Revoked);
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{snapshot.Ids.KeyOf(revoked)}/credit");
        Assert.Equal("seriously_dishonest", status.GetProperty("credit_class").GetProperty("class").GetString());
        Assert.Contains(status.GetProperty("credit_class").GetProperty("matched_rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "black.business_licence_revoked");
        Assert.NotNull(await store.FindEnterpriseAsync(snapshot.Ids.KeyOf(revoked)));
        output.WriteLine($"{snapshot.Ids.KeyOf(revoked)} {snapshot.Enterprises.Names[revoked]}: status revoked, rules [" +
            string.Join(", ", status.GetProperty("credit_class").GetProperty("matched_rules").EnumerateArray().Select(r => r.GetProperty("id").GetString())) + "]");
    }

    // What the old rules saw: the same matches without the expired revocation and without the status rule.
    private static IEnumerable<string> OtherRules(GraphSnapshot snapshot, int enterprise, string recordId) =>
        CreditClassifier.Classify(snapshot.Ledger, enterprise).Matches
            .Where(m => m.Rule != CreditRules.LicenceRevokedStatus && m.Rule != CreditRules.NoNegativeRecords)
            .Select(m => $"{m.Rule.Id}:{string.Join("/", m.RecordIds.Where(r => r != recordId))}")
            .Where(m => !m.EndsWith(':'));

    // Seed 000: 「按規(guī)定及時停止公示其失信記錄」 — outside the officer's view a repair shows only that a record was repaired and when.
    [Fact]
    public async Task 停止公示其失信記錄_APublicCreditFileShowsOnlyThatARecordWasRepairedAndWhen()
    {
        var snapshot = Snapshot;
        var (penalty, owner) = Enumerable.Range(0, snapshot.EnterpriseCount)
            .SelectMany(i => snapshot.Ledger.PenaltiesOf(i).ToArray().Select(p => (p, i)))
            .First(x => x.p.Kind == PenaltyKind.Fine && snapshot.Ledger.StatusOf(x.p) == RecordStatus.Active);
        string uscc = snapshot.Ids.KeyOf(owner);
        var client = fixture.Factory.CreateClient();
        var repaired = await client.PostAsJsonAsync("/api/repairs", new { record_id = penalty.RecordId, method = "rectification", decided_by = "市场监管局", reason = "整改到位,法定代表人参加信用培训" });
        Assert.Equal(HttpStatusCode.Created, repaired.StatusCode);

        string publicFile = await Public().GetStringAsync($"/api/enterprises/{uscc}/credit");
        var repair = JsonDocument.Parse(publicFile).RootElement.GetProperty("repairs").EnumerateArray().Single(r => r.GetProperty("record_id").ValueKind == JsonValueKind.Null);
        Assert.Equal(JsonValueKind.String, repair.GetProperty("decided_at").ValueKind);
        foreach (string field in new[] { "repair_id", "method", "decided_by", "reason" }) Assert.Equal(JsonValueKind.Null, repair.GetProperty(field).ValueKind);
        Assert.DoesNotContain(penalty.RecordId, publicFile);
        Assert.DoesNotContain("法定代表人参加信用培训", publicFile);

        string officerFile = await Officer().GetStringAsync($"/api/enterprises/{uscc}/credit");
        Assert.Contains(penalty.RecordId, officerFile);
        Assert.Contains("法定代表人参加信用培训", officerFile);
        output.WriteLine($"{uscc} {snapshot.Enterprises.Names[owner]}: repaired {penalty.RecordId} → before: public file listed decision number, method and reason; after: only decided_at");
    }
}
