using Microsoft.Playwright;

namespace RiskGraph.Explorer.Tests;

/// <summary>The risk-pattern views of the explorer: guarantee circles, groups, the person view and the layered supply chain.</summary>
[Collection(ApiServerCollection.Name)]
public class PatternsExplorerTests(ApiServerFixture fixture)
{
    private async Task<(IPage Page, List<string> Errors)> OpenAsync()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) errors.Add(message.Text); };
        await page.GotoAsync(fixture.BaseUrl + "/explorer/");
        await page.FillAsync("#key-input", fixture.AnalystKey);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForFunctionAsync("key => sessionStorage.getItem('riskgraph.apiKey') === key", fixture.AnalystKey);
        return (page, errors);
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, name) });

    [ChromiumFact]
    public async Task GuaranteeCircles_AreListed_AndOneIsDrawnWithItsGuarantees()
    {
        var (page, errors) = await OpenAsync();
        await page.ClickAsync("#show-circles");
        await page.WaitForSelectorAsync("#pattern-list li[data-circle]");
        await page.ClickAsync("#pattern-list li >> nth=0");
        await page.WaitForSelectorAsync("#panel-circle");

        var counts = await page.EvaluateAsync<int[]>("() => [window.explorer.graph.cy.nodes().length, window.explorer.graph.cy.edges('[type = \"GUARANTEES\"]').length]");
        Assert.True(counts[0] >= 2, "a circle has two or more members");
        Assert.True(counts[1] >= counts[0], "a circle of n members is closed by at least n guarantees");
        Assert.Equal("circle", await page.EvaluateAsync<string>("() => window.explorer.patterns.shown.kind"));
        Assert.Contains("contagion score", await page.InnerTextAsync("#panel-circle"));
        await ShotAsync(page, "10-guarantee-circle.png");
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task Groups_AreListed_AndOneIsDrawnAsItsControlTree()
    {
        var (page, errors) = await OpenAsync();
        await page.ClickAsync("#show-groups");
        await page.WaitForSelectorAsync("#pattern-list li[data-group]");
        await page.ClickAsync("#pattern-list li >> nth=0");
        await page.WaitForSelectorAsync("#panel-group");

        // The top controller sits above every member: breadthfirst puts the root on the first row.
        bool rootOnTop = await page.EvaluateAsync<bool>("""
            () => {
              const cy = window.explorer.graph.cy;
              const root = cy.nodes('.centre').first();
              return cy.nodes().length >= 2 && cy.nodes().not(root).every(n => n.position('y') > root.position('y'));
            }
            """);
        Assert.True(rootOnTop);
        Assert.Contains("controller", await page.InnerTextAsync("#panel-group"));
        await ShotAsync(page, "11-group.png");
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task ClickingAPersonNode_OpensTheEnterprisesOfThatPerson_WithoutIdNumbers()
    {
        var (page, errors) = await OpenAsync();
        await page.ClickAsync("#show-groups");
        await page.WaitForSelectorAsync("#pattern-list li[data-group]");
        // A group controlled by a person puts that person on screen as a node to click.
        string? group = await page.EvaluateAsync<string?>("""
            async () => {
              const page = await fetch('/api/groups?page_size=100', { headers: { 'X-Api-Key': sessionStorage.getItem('riskgraph.apiKey'), 'X-Purpose': 'supervision' } }).then(r => r.json());
              return page.items.find(g => g.controller.kind === 'person')?.group_id ?? null;
            }
            """);
        Assert.NotNull(group);
        await page.EvaluateAsync("id => window.explorer.patterns.showGroup(id)", group);
        await page.WaitForSelectorAsync("#panel-group");
        string person = await page.EvaluateAsync<string>("() => window.explorer.graph.cy.nodes('[kind = \"person\"]').first().id()");
        await page.EvaluateAsync("id => window.explorer.graph.cy.getElementById(id).emit('tap')", person);
        await page.WaitForSelectorAsync("#panel-person-enterprises tr");

        string text = await page.InnerTextAsync("#panel");
        // Headings are upper-cased by the style sheet.
        Assert.Contains("ENTERPRISES OF THIS PERSON", text.ToUpperInvariant());
        Assert.Contains("shareholder", text);
        Assert.DoesNotMatch(@"\d{17}[\dX]", text.Replace(person, ""));
        await ShotAsync(page, "12-person-view.png");
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task TheSupplyChain_IsLaidOutInLayers_SuppliersLeftBuyersRight()
    {
        var (page, errors) = await OpenAsync();
        string? core = await page.EvaluateAsync<string?>("""
            async () => {
              const headers = { 'X-Api-Key': sessionStorage.getItem('riskgraph.apiKey'), 'X-Purpose': 'supervision' };
              const found = await fetch('/api/enterprises?query=有限公司&page_size=100', { headers }).then(r => r.json());
              for (const e of found.items) {
                const chain = await fetch(`/api/enterprises/${e.uscc}/supply-chain?depth=2`, { headers }).then(r => r.json());
                if (chain.upstream_count > 0 && chain.downstream_count > 0) return e.uscc;
              }
              return null;
            }
            """);
        Assert.NotNull(core);
        await page.EvaluateAsync("uscc => window.explorer.patterns.showChain(uscc)", core);
        await page.WaitForSelectorAsync("#panel-chain");

        bool layered = await page.EvaluateAsync<bool>("""
            () => {
              const cy = window.explorer.graph.cy;
              const x = cy.nodes('.centre').first().position('x');
              return cy.nodes().every(n => Math.sign(n.position('x') - x) === Math.sign(n.data('tier')))
                && cy.nodes().some(n => n.data('tier') < 0) && cy.nodes().some(n => n.data('tier') > 0);
            }
            """);
        Assert.True(layered, "suppliers left of the core by tier, buyers right of it");
        await ShotAsync(page, "13-supply-chain.png");
        Assert.Empty(errors);
    }
}
