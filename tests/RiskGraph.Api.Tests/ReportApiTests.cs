using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using UglyToad.PdfPig;

namespace RiskGraph.Api.Tests;

/// <summary>Seed 003: 「以專用信用報告替代有無違法記錄證明」 — the dedicated credit report, as JSON and as PDF.</summary>
[Collection(TrainedApiCollection.Name)]
public class ReportApiTests(TrainedApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private (string Uscc, string Name, CreditClass Class) Enterprise(CreditClass wanted)
    {
        var snapshot = fixture.Factory.Services.GetRequiredService<WarningService>().Snapshot!;
        int e = Array.IndexOf(snapshot.Classes.ToArray(), wanted);
        return (snapshot.Ids.KeyOf(e), snapshot.Enterprises.Names[e], wanted);
    }

    [Fact]
    public async Task TheJsonReport_HasIdentityClassRecordsChecksWarningAndControllers()
    {
        var (uscc, name, _) = Enterprise(CreditClass.SeriouslyDishonest);
        var report = await fixture.Factory.CreateClientFor(RiskGraph.Model.Security.ApiRole.Analyst).GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/report");

        Assert.Equal(uscc, report.GetProperty("identity").GetProperty("uscc").GetString());
        Assert.Equal(name, report.GetProperty("identity").GetProperty("name").GetString());
        Assert.Equal("seriously_dishonest", report.GetProperty("credit_class").GetProperty("class").GetString());
        Assert.NotEmpty(report.GetProperty("credit_class").GetProperty("decisive_rule").GetProperty("id").GetString()!);
        Assert.Contains("详见下文", report.GetProperty("statement").GetString());
        Assert.Equal(CheckPolicy.Purposes.Count, report.GetProperty("checks").GetArrayLength());
        Assert.Contains(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("restrictions").GetArrayLength() > 0);
        Assert.InRange(report.GetProperty("warning").GetProperty("score").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Array, report.GetProperty("controllers").ValueKind);
        Assert.Equal("public", report.GetProperty("view").GetString());
    }

    [Fact]
    public async Task AGoodEnterprisesReport_StatesThatNoRecordIsInForce()
    {
        var (uscc, _, _) = Enterprise(CreditClass.Good);
        var report = await fixture.Factory.CreateClientFor(RiskGraph.Model.Security.ApiRole.Analyst).GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/report?format=json");
        Assert.Contains("无行政处罚记录", report.GetProperty("statement").GetString());
        Assert.Empty(report.GetProperty("penalties").EnumerateArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ThePdfReport_ReadsBackWithTheEnterprisesNameAndClass_InChinese(bool byAcceptHeader)
    {
        var (uscc, name, cls) = Enterprise(CreditClass.Dishonest);
        var client = fixture.Factory.CreateClientFor(RiskGraph.Model.Security.ApiRole.Analyst);
        var request = new HttpRequestMessage(HttpMethod.Get, byAcceptHeader ? $"/api/enterprises/{uscc}/report" : $"/api/enterprises/{uscc}/report?format=pdf");
        if (byAcceptHeader) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        output.WriteLine($"PDF report of {uscc}: {bytes.Length} bytes");
        using var pdf = PdfDocument.Open(bytes);
        string text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(name, text);
        Assert.Contains(cls.ChineseName(), text);
        Assert.Contains(uscc, text);
        Assert.Contains("专用信用报告", text);
        // The Chinese glyphs come from the embedded Noto Sans CJK face, not from a viewer's substitute.
        var letter = pdf.GetPage(1).Letters.First(l => l.Value == name[0].ToString());
        Assert.EndsWith("+Noto Sans CJK SC", letter.FontName);
    }

    [Theory]
    [InlineData("/api/enterprises/91XXX/report", "uscc")]
    [InlineData("/api/enterprises/@/report?format=docx", "format")]
    public async Task ABadReportRequest_Is400NamingTheField(string url, string field)
    {
        var response = await fixture.Factory.CreateClientFor(RiskGraph.Model.Security.ApiRole.Analyst).GetAsync(url.Replace("@", Enterprise(CreditClass.Good).Uscc));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
