using System.Text.Json;
using Microsoft.Playwright;

namespace RiskGraph.Explorer.Tests;

[Collection(ApiServerCollection.Name)]
public class ExplorerTests(ApiServerFixture fixture)
{
    private async Task<(IPage Page, List<string> Errors)> OpenExplorerAsync(string? key = null)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        // The page's Content-Security-Policy would report an inline script or style here.
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) errors.Add(message.Text); };
        // These tests read the English words; WorkbenchTests checks the Chinese default.
        await page.GotoAsync(fixture.BaseUrl + "/explorer/?lang=en");
        await EnterKeyAsync(page, key ?? fixture.AnalystKey);
        return (page, errors);
    }

    private static async Task EnterKeyAsync(IPage page, string key)
    {
        await page.FillAsync("#key-input", key);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForFunctionAsync("key => sessionStorage.getItem('riskgraph.apiKey') === key", key);
    }

    [ChromiumFact]
    public async Task TheExplorerAsksForAKey_AndSaysPlainlyWhenItIsMissingRefusedOrLacksTheRole()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/explorer/?lang=en");
        Assert.Contains("no key", await page.InnerTextAsync("#key-state"));
        await page.FillAsync("#search-input", "有限公司");
        await page.ClickAsync("#search-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.includes('API key missing')");

        await EnterKeyAsync(page, "rgk_000000000000_notAKeyThatExistsAnywhereInThisStoreAtAll0000");
        await page.ClickAsync("#search-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.includes('API key refused')");

        await EnterKeyAsync(page, fixture.SystemKey);
        await page.ClickAsync("#search-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.includes('role may not')");

        // Kept for the tab: a reload does not ask again.
        await EnterKeyAsync(page, fixture.AnalystKey);
        await page.ReloadAsync();
        // The page describes the key once its start-up (reference data, language) has run.
        await page.WaitForFunctionAsync("() => document.getElementById('key-state').textContent.length > 0");
        Assert.Contains("key set", await page.InnerTextAsync("#key-state"));
        Assert.DoesNotContain(fixture.AnalystKey, page.Url);
    }

    private static async Task SearchAndOpenFirstAsync(IPage page, string query)
    {
        await page.FillAsync("#search-input", query);
        await page.ClickAsync("#search-form button[type=submit]");
        await page.WaitForSelectorAsync("#results li");
        await page.ClickAsync("#results li >> nth=0");
        await page.WaitForFunctionAsync("() => window.explorer.lastRenderMs !== null", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await page.WaitForSelectorAsync("#panel-class", new PageWaitForSelectorOptions { Timeout = 30_000 });
    }

    private static Task<int> NodeCountAsync(IPage page) => page.EvaluateAsync<int>("() => window.explorer.counts().nodes");

    [ChromiumFact]
    public async Task SearchOpenExpandAndInspect_ShowTheNetworkAndTheSidePanel()
    {
        var (page, errors) = await OpenExplorerAsync();
        await SearchAndOpenFirstAsync(page, "有限公司");

        int before = await NodeCountAsync(page);
        Assert.True(before > 1, "the network shows the enterprise and its relations");
        Assert.Contains("score", await page.InnerTextAsync("#panel-warning"));
        Assert.NotEmpty(await page.InnerTextAsync("#panel-class"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, "01-network-and-panel.png") });

        // Expand a neighbouring enterprise far from the centre: its relations join the view.
        string neighbour = await page.EvaluateAsync<string>(
            "() => window.explorer.graph.cy.nodes('[kind = \"enterprise\"]').filter(n => !n.hasClass('centre')).sort((a, b) => b.data('hops') - a.data('hops'))[0].id()");
        await page.EvaluateAsync("id => window.explorer.onNodeTap(id)", neighbour);
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.startsWith('expanded')");
        Assert.True(await NodeCountAsync(page) >= before);
        Assert.Equal(neighbour, await page.EvaluateAsync<string>("() => window.explorer.graph.cy.$(':selected').id()"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, "02-expanded.png") });

        // Person nodes never show an ID number.
        string text = await page.EvaluateAsync<string>("() => JSON.stringify(window.explorer.graph.toJson())");
        Assert.DoesNotMatch(@"\b\d{6}(19|20)\d{2}\d{7}[\dX]\b", text.Replace("\"id\":\"9", "\"id\":\"U"));
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task AnAlertPath_IsHighlighted_WithTheIndustriesAndRegionsItCrosses()
    {
        var (page, errors) = await OpenExplorerAsync();
        await page.WaitForSelectorAsync("#alerts li[data-index]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await page.ClickAsync("#alerts li[data-index] >> nth=0");
        await page.WaitForSelectorAsync("#path-crossings");

        string crossings = await page.InnerTextAsync("#path-crossings");
        Assert.Contains("industries", crossings);
        Assert.Contains("regions", crossings);
        // Boundaries by name, with the codes kept for reference.
        string industries = (await page.GetAttributeAsync("#path-crossings", "data-industries"))!;
        Assert.DoesNotContain(industries.Split(',')[0] + " →", crossings);
        await page.WaitForFunctionAsync("() => window.explorer.highlighted != null");
        int highlighted = await page.EvaluateAsync<int>("() => window.explorer.graph.cy.$('.path').length");
        int pathNodes = await page.EvaluateAsync<int>("() => window.explorer.highlighted.path.nodes.length");
        Assert.True(pathNodes >= 2);
        Assert.True(highlighted >= 2 * pathNodes - 1, $"{highlighted} highlighted elements for a path of {pathNodes} nodes");

        await page.SelectOptionAsync("#alert-kind", "cross_region");
        await page.WaitForFunctionAsync("() => document.querySelector('#alerts li[data-index]') !== null");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, "04-alert-path.png") });
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task FiltersHideOtherRelations_AndExportJsonMatchesTheView()
    {
        var (page, errors) = await OpenExplorerAsync();
        await SearchAndOpenFirstAsync(page, "有限公司");

        await page.UncheckAsync("#relation-filters input[value=EXECUTIVE_OF]");
        // The filter marks every executive edge at once; cytoscape applies the resulting style on its next frame.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.explorer.graph.cy.edges('[type = \"EXECUTIVE_OF\"]').not('.hidden').length"));
        Assert.True(await page.EvaluateAsync<int>("() => window.explorer.graph.cy.edges('[type = \"EXECUTIVE_OF\"]').length") > 0);
        await page.WaitForFunctionAsync(
            "() => window.explorer.graph.cy.edges('[type = \"EXECUTIVE_OF\"]').filter(e => e.visible()).length === 0", null,
            new PageWaitForFunctionOptions { Timeout = 10_000 });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        using var exported = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        // Exactly what is on screen: the filter hid the executives' edges and the persons left without a relation.
        Assert.Equal(await page.EvaluateAsync<int>("() => window.explorer.counts().visibleNodes"), exported.RootElement.GetProperty("nodes").GetArrayLength());
        var png = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-png"));
        byte[] bytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Empty(errors);
    }

    // Large networks (2,000 and 5,000 nodes) are measured in LargeNetworkTests.
}
