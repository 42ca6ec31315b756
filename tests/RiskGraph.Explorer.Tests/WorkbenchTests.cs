using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace RiskGraph.Explorer.Tests;

/// <summary>The analysts' workbench: Chinese by default, legend, explanations, deep links, exports, alerts.</summary>
[Collection(ApiServerCollection.Name)]
public class WorkbenchTests(ApiServerFixture fixture)
{
    private async Task<(ExplorerSession Session, string Uscc)> OpenTopEnterpriseAsync(string query = "", string extra = "")
    {
        var session = await ExplorerSession.OpenAsync(fixture, query);
        string uscc = (await session.TopUsccsAsync(1))[0];
        string separator = query.Length == 0 ? "?" : "&";
        await session.Page.GotoAsync($"{fixture.BaseUrl}/explorer/{query}{separator}uscc={uscc}{extra}");
        await session.WaitForNetworkAsync();
        return (session, uscc);
    }

    [ChromiumFact]
    public async Task TheInterfaceIsChineseByDefault_WithNamesForRelationsIndustriesAndRegions_AndSwitchesToEnglish()
    {
        var (session, _) = await OpenTopEnterpriseAsync();
        await using var _session = session;
        var page = session.Page;
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("股东", await page.InnerTextAsync("#relation-filters"));
        Assert.DoesNotContain("LEGAL_REPRESENTATIVE_OF", await page.InnerTextAsync("#relation-filters"));
        // Every division and every named region is offered by name, not only those on screen.
        Assert.True(await page.EvaluateAsync<int>("() => document.querySelectorAll('#industry-filter option').length") > 97);
        Assert.Contains("汽车制造业", await page.InnerTextAsync("#industry-filter"));
        Assert.Contains("浙江省", await page.InnerTextAsync("#region-filter"));
        Assert.Contains("义乌市", await page.InnerTextAsync("#alert-region"));
        // The always-visible legend: class colours, shapes and relation types in Chinese.
        string legend = await page.InnerTextAsync("#legend");
        foreach (string word in new[] { "严重失信", "失信", "警示", "良好", "自然人", "担保", "供应" }) Assert.Contains(word, legend);
        Assert.True(await page.IsVisibleAsync("#legend"));
        await session.ScreenshotAsync(fixture, "10-chinese-network-and-panel.png");

        await page.ClickAsync("#lang-switch");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en' && window.explorer.ready");
        await session.WaitForNetworkAsync();
        Assert.Contains("shareholder of", await page.InnerTextAsync("#relation-filters"));
        Assert.Contains("seriously dishonest", await page.InnerTextAsync("#legend"));
        Assert.Contains("What lowers the risk", await page.InnerTextAsync("#panel"));
        await session.ScreenshotAsync(fixture, "11-english.png");
        Assert.Empty(session.Errors);
    }

    [ChromiumFact]
    public async Task ThePanelExplainsTheWarning_WithHeadersUnitsSharesAndIndustryMedians_AndShowsExposureCommunityAndRecords()
    {
        var (session, _) = await OpenTopEnterpriseAsync("?lang=en");
        await using var _session = session;
        var page = session.Page;
        string sentence = await page.InnerTextAsync("#panel-sentence");
        Assert.Contains("warning score of", sentence);
        Assert.Contains("raised most by", sentence);
        string[] headers = (await page.Locator("#panel-reasons th").AllInnerTextsAsync()).ToArray();
        Assert.Equal(["factor", "value", "industry median", "share of movement"], headers);
        // Human names, not feature identifiers; shares of the movement in percent.
        string reasons = await page.InnerTextAsync("#panel-reasons tbody");
        Assert.DoesNotContain("_log10", reasons);
        Assert.Contains("%", reasons);
        Assert.True(await page.Locator("#panel-reasons tbody tr").CountAsync() > 0);
        Assert.True(await page.Locator("#panel-lowers").CountAsync() == 1);
        Assert.Contains("within 2 hops", await page.InnerTextAsync("#panel-exposure"));
        Assert.Contains("Community", await page.InnerTextAsync("#panel-community"));
        Assert.Equal(["kind", "amount (CNY)", "decided", "department", "legal basis", "status"],
            (await page.Locator("#panel-penalties th").AllInnerTextsAsync()).ToArray());
        Assert.Equal(["list", "valid", "department", "legal basis", "status"], (await page.Locator("#panel-lists th").AllInnerTextsAsync()).ToArray());
        await session.ScreenshotAsync(fixture, "12-explanation-panel.png");

        // A low-risk enterprise says what lowers its score.
        string low = await page.EvaluateAsync<string>(
            "() => window.explorer.graph.cy.nodes('[kind = \"enterprise\"]').filter(n => n.data('score') != null).sort((a, b) => a.data('score') - b.data('score'))[0].id()");
        await page.EvaluateAsync("id => window.explorer.onNodeTap(id)", low);
        await page.WaitForFunctionAsync("id => document.getElementById('panel-title') && document.querySelector('#panel-lowers tbody tr') !== null", low,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.Contains("lowered most by", await page.InnerTextAsync("#panel-sentence"));
        await session.ScreenshotAsync(fixture, "13-low-risk-explained.png");
        Assert.Empty(session.Errors);
    }

    [ChromiumFact]
    public async Task ADeepLinkOpensThatView_TheBackButtonWalksTheSteps_AndCopyLinkGivesTheAddress()
    {
        var session = await ExplorerSession.OpenAsync(fixture, "?lang=en");
        await using var _session = session;
        var page = session.Page;
        string[] top = await session.TopUsccsAsync(2);
        await page.GotoAsync($"{fixture.BaseUrl}/explorer/?lang=en&uscc={top[0]}&depth=1&max_nodes=50&colour=level");
        await session.WaitForNetworkAsync();
        Assert.Equal("1", await page.InputValueAsync("#depth"));
        Assert.Equal("50", await page.InputValueAsync("#max-nodes"));
        Assert.Equal("level", await page.InputValueAsync("#colour-by"));
        Assert.True(await page.EvaluateAsync<bool>("id => window.explorer.graph.cy.getElementById(id).hasClass('centre')", top[0]));
        Assert.Contains("critical", await page.InnerTextAsync("#legend-colours"));
        Assert.True(await page.EvaluateAsync<int>("() => window.explorer.counts().nodes") <= 50);

        await page.EvaluateAsync("id => window.explorer.openNetwork(id)", top[1]);
        await page.WaitForFunctionAsync("id => location.search.includes('uscc=' + id) && window.explorer.lastRenderMs !== null", top[1]);
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("id => window.explorer.graph.cy.getElementById(id).hasClass('centre') && window.explorer.lastRenderMs !== null", top[0],
            new PageWaitForFunctionOptions { Timeout = 60_000 });
        Assert.Contains($"uscc={top[0]}", page.Url);

        await page.ClickAsync("#copy-link");
        Assert.Equal(page.Url, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.DoesNotContain(fixture.AnalystKey, page.Url);
        Assert.Empty(session.Errors);
    }

    [ChromiumFact]
    public async Task ExportsCarryTheTitleAsOfAndModelVersion_AndCsvAndExcelHoldTheRowsOnScreen()
    {
        var (session, uscc) = await OpenTopEnterpriseAsync("?lang=en", "&depth=2&max_nodes=300");
        await using var _session = session;
        var page = session.Page;
        int visible = await page.EvaluateAsync<int>("() => window.explorer.counts().visibleNodes");
        int edges = await page.EvaluateAsync<int>("() => window.explorer.counts().visibleEdges");

        var json = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        using var exported = JsonDocument.Parse(await File.ReadAllTextAsync((await json.PathAsync())!));
        var root = exported.RootElement;
        Assert.Equal(uscc, root.GetProperty("centre").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", root.GetProperty("as_of").GetString()!);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("model_version").GetString()));
        Assert.Equal(visible, root.GetProperty("nodes").GetArrayLength());
        var centreNode = root.GetProperty("nodes").EnumerateArray().First(n => n.GetProperty("id").GetString() == uscc);
        Assert.False(string.IsNullOrEmpty(centreNode.GetProperty("credit_class").GetString()));
        Assert.True(centreNode.GetProperty("score").GetDouble() > 0);

        var png = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-png"));
        byte[] bytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        int graphWidth = await page.EvaluateAsync<int>("() => document.getElementById('graph').clientWidth");
        Assert.Equal(2 * graphWidth, width);

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        string text = await File.ReadAllTextAsync((await csv.PathAsync())!, Encoding.UTF8);
        string[] lines = text.TrimEnd().Split("\r\n");
        Assert.StartsWith("id,kind,label,industry,industry_name", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(visible + 1, lines.Length);

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        string path = (await xlsx.PathAsync())!;
        Assert.Equal(visible, MiniExcel.Query(path, useHeaderRow: true, sheetName: "nodes", excelType: ExcelType.XLSX).Count());
        Assert.Equal(edges, MiniExcel.Query(path, useHeaderRow: true, sheetName: "edges", excelType: ExcelType.XLSX).Count());
        var about = MiniExcel.Query(path, useHeaderRow: true, sheetName: "about", excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["field"], r => r["value"]?.ToString());
        Assert.Equal(uscc, about["centre"]);
        Assert.False(string.IsNullOrEmpty(about["model_version"]));
        Assert.Empty(session.Errors);
    }

    [ChromiumFact]
    public async Task AlertsFilterByRegionAndIndustryName_SortByScore_SayWhyTheTargetIsRisky_AndDrawThePathInItsNetwork()
    {
        var session = await ExplorerSession.OpenAsync(fixture, "?lang=en");
        await using var _session = session;
        var page = session.Page;
        await page.WaitForSelectorAsync("#alerts li[data-index]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        double[] scores = await page.EvaluateAsync<double[]>("() => window.explorer.alerts.shown.map(a => a.score)");
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        await page.SelectOptionAsync("#alert-sort", "asc");
        scores = await page.EvaluateAsync<double[]>("() => window.explorer.alerts.shown.map(a => a.score)");
        Assert.Equal(scores.OrderBy(s => s), scores);

        // A province by name: only alerts whose source is registered there.
        string province = await page.EvaluateAsync<string>("() => window.explorer.alerts.shown[0].region.slice(0, 2)");
        await page.SelectOptionAsync("#alert-region", province);
        await page.WaitForFunctionAsync("p => window.explorer.alerts.shown.length > 0 && window.explorer.alerts.shown.every(a => a.region.startsWith(p))", province);
        Assert.DoesNotMatch(@"\b\d{6}\b", await page.InnerTextAsync("#alerts"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#alerts-xlsx"));
        int shown = await page.EvaluateAsync<int>("() => window.explorer.alerts.shown.length");
        Assert.Equal(shown, MiniExcel.Query((await download.PathAsync())!, useHeaderRow: true, sheetName: "alerts", excelType: ExcelType.XLSX).Count());

        await page.ClickAsync("#alerts li[data-index] >> nth=0");
        await page.WaitForSelectorAsync("#alert-why", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.explorer.highlighted != null");
        Assert.Contains("Why the target is risky", await page.InnerTextAsync("#alert-why"));
        int pathNodes = await page.EvaluateAsync<int>("() => window.explorer.highlighted.path.nodes.length");
        int onScreen = await page.EvaluateAsync<int>("() => window.explorer.counts().nodes");
        Assert.True(onScreen > pathNodes, $"the path ({pathNodes} nodes) is drawn inside its network ({onScreen} nodes)");
        await session.ScreenshotAsync(fixture, "14-alert-in-network.png");
        Assert.Empty(session.Errors);
    }

    [ChromiumFact]
    public async Task FiltersUpdateTheCount_AndHideOrphanedPersons_AndEdgesShowAmountsWhenZoomedIn()
    {
        var (session, _) = await OpenTopEnterpriseAsync("?lang=en", "&depth=2&max_nodes=300");
        await using var _session = session;
        var page = session.Page;
        string before = await page.InnerTextAsync("#status");
        foreach (string type in new[] { "EXECUTIVE_OF", "LEGAL_REPRESENTATIVE_OF", "SHAREHOLDER_OF" })
            await page.UncheckAsync($"#relation-filters input[value={type}]");
        int orphans = await page.EvaluateAsync<int>(
            "() => window.explorer.graph.cy.nodes('[kind = \"person\"]').filter(p => !p.hasClass('hidden') && p.connectedEdges().filter(e => !e.hasClass('hidden')).length === 0).length");
        Assert.Equal(0, orphans);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.explorer.graph.cy.nodes('[kind = \"person\"]').not('.hidden').length"));
        string after = await page.InnerTextAsync("#status");
        Assert.NotEqual(before, after);
        Assert.Contains("hidden by filters", after);

        foreach (string type in new[] { "EXECUTIVE_OF", "LEGAL_REPRESENTATIVE_OF", "SHAREHOLDER_OF" })
            await page.CheckAsync($"#relation-filters input[value={type}]");
        string captions = await page.EvaluateAsync<string>("() => window.explorer.graph.cy.edges().map(e => e.data('caption')).join(' ')");
        Assert.Matches(@"\d%|CNY", captions);
        // Zoomed in on an edge with an amount or share, its caption is drawn.
        await page.EvaluateAsync("() => { const cy = window.explorer.graph.cy; const e = cy.edges().filter(e => e.data('caption')).first(); cy.zoom({ level: 3, position: e.midpoint() }); cy.center(e); }");
        await session.ScreenshotAsync(fixture, "15-edge-labels-zoomed.png");
        Assert.Empty(session.Errors);
    }

    [ChromiumFact]
    public async Task CommunitiesFoldIntoCompoundNodes_ThatCollapseAndExpand()
    {
        var (session, _) = await OpenTopEnterpriseAsync("?lang=en", "&depth=2&max_nodes=300");
        await using var _session = session;
        var page = session.Page;
        int nodes = await page.EvaluateAsync<int>("() => window.explorer.counts().nodes");
        await page.SelectOptionAsync("#group-by", "community");
        int groups = await page.EvaluateAsync<int>("() => window.explorer.graph.cy.nodes('.group').length");
        Assert.True(groups > 0);
        await session.ScreenshotAsync(fixture, "16-communities-grouped.png");
        await page.ClickAsync("#collapse-all");
        int visibleAfterCollapse = await page.EvaluateAsync<int>("() => window.explorer.graph.cy.nodes('[kind]').length");
        Assert.True(visibleAfterCollapse < nodes, $"{visibleAfterCollapse} of {nodes} nodes left after collapsing {groups} groups");
        await session.ScreenshotAsync(fixture, "17-communities-collapsed.png");
        await page.ClickAsync("#expand-all");
        Assert.Equal(nodes, await page.EvaluateAsync<int>("() => window.explorer.graph.cy.nodes('[kind]').length"));
        Assert.Empty(session.Errors);
    }
}
