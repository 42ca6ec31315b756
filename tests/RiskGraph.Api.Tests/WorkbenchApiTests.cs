using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace RiskGraph.Api.Tests;

/// <summary>The routes behind the analysts' workbench: the explanation panel and the Excel export.</summary>
[Collection(TrainedApiCollection.Name)]
public class WorkbenchApiTests(TrainedApiFixture fixture)
{
    [Fact]
    public async Task Explanation_AddsUpToTheRawScore_SaysTheDirection_AndComparesWithTheIndustryMedian()
    {
        var client = fixture.Factory.CreateClient();
        foreach (string uscc in fixture.Usccs.Take(20))
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/explanation");
            var factors = body.GetProperty("factors").EnumerateArray().ToArray();
            double sum = factors.Sum(f => f.GetProperty("contribution").GetDouble());
            // Every non-zero contribution is listed, so with the bias they give the raw score (rounding to 6 decimals aside).
            Assert.Equal(body.GetProperty("raw_score").GetDouble(), body.GetProperty("bias").GetDouble() + sum, 3);
            Assert.Equal(1.0, factors.Sum(f => f.GetProperty("share_of_movement").GetDouble()), 3);
            foreach (var f in factors)
                Assert.Equal(f.GetProperty("contribution").GetDouble() > 0 ? "raises" : "lowers", f.GetProperty("direction").GetString());
            double[] weights = factors.Select(f => Math.Abs(f.GetProperty("contribution").GetDouble())).ToArray();
            Assert.Equal(weights.OrderDescending(), weights);
            Assert.True(body.GetProperty("peers").GetInt32() >= 1);

            var warning = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{uscc}/warning");
            Assert.Equal(warning.GetProperty("score").GetDouble(), body.GetProperty("score").GetDouble());
            Assert.Equal(warning.GetProperty("industry").GetString(), body.GetProperty("industry").GetString());
        }
    }

    [Fact]
    public async Task Explanation_NamesTheFieldOfABadCode_AndAnswers404ForAnUnknownOne()
    {
        var client = fixture.Factory.CreateClient();
        var bad = await client.GetAsync("/api/enterprises/not-a-code/explanation");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("uscc", await bad.Content.ReadAsStringAsync());
        var unknown = await client.GetAsync("/api/enterprises/91310115MA0000009P/explanation");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ExcelExport_WritesTheSheetsSent_WithAnAboutSheet()
    {
        var request = new
        {
            title = "nodes 测试",
            meta = new Dictionary<string, string> { ["centre"] = "91310115MA0000009P", ["model_version"] = "v001" },
            sheets = new object[]
            {
                new { name = "nodes", columns = new[] { "id", "label", "score" }, rows = new object?[][] { ["a", "甲公司", 0.25], ["b", null, 0.5] } },
                new { name = "edges", columns = new[] { "source", "target" }, rows = Array.Empty<object[]>() },
            },
        };
        var response = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/exports/xlsx", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var nodes = stream.Query(useHeaderRow: true, sheetName: "nodes", excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToArray();
        Assert.Equal(2, nodes.Length);
        Assert.Equal("甲公司", nodes[0]["label"]);
        Assert.Equal(0.5, Convert.ToDouble(nodes[1]["score"], System.Globalization.CultureInfo.InvariantCulture));
        stream.Position = 0;
        var about = stream.Query(useHeaderRow: true, sheetName: "about", excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["field"], r => r["value"]?.ToString());
        Assert.Equal("nodes 测试", about["title"]);
        Assert.Equal("v001", about["model_version"]);
    }

    [Theory]
    [InlineData("""{"sheets":[]}""", "sheets")]
    [InlineData("""{"sheets":[{"name":"x","columns":[],"rows":[]}]}""", "sheets[0].columns")]
    [InlineData("""{"sheets":[{"name":"x","columns":["a","b"],"rows":[["1","2"],["only one"]]}]}""", "sheets[0].rows[1]")]
    [InlineData("""{"sheets":[{"name":"x","columns":["a"],"rows":[[{"nested":1}]]}]}""", "sheets[0].rows[0][0]")]
    public async Task ExcelExport_RefusesMalformedSheets_NamingTheField(string json, string field)
    {
        var response = await fixture.Factory.CreateClient().PostAsync("/api/exports/xlsx", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }
}
