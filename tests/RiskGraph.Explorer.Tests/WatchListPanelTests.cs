using Microsoft.Playwright;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Explorer.Tests;

/// <summary>The "Watch lists" panel: a list made from the search results hears of a penalty live, and its event shows the path.</summary>
[Collection(ApiServerCollection.Name)]
public class WatchListPanelTests(ApiServerFixture fixture)
{
    [ChromiumFact]
    public async Task AListFromTheSearchResults_ShowsANewPenaltyLive_AndClickingItHighlightsThePath()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(fixture.BaseUrl + "/explorer/");
        await page.FillAsync("#key-input", fixture.AnalystKey);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.FillAsync("#search-input", "有限公司");
        await page.ClickAsync("#search-form button[type=submit]");
        await page.WaitForSelectorAsync("#results li");
        await page.ClickAsync("#results li >> nth=0");
        await page.WaitForFunctionAsync("() => window.explorer.lastRenderMs !== null", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        await page.FillAsync("#watch-name", "浏览器监测");
        await page.SelectOptionAsync("#watch-radius", "1");
        await page.ClickAsync("#watch-from-results");
        await page.WaitForSelectorAsync("#watch-lists li.selected");
        await page.WaitForFunctionAsync("() => document.getElementById('watch-state').textContent.includes('following live')", null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });

        // A direct enterprise neighbour of the first result (radius 1), else the result itself, gets a penalty written to the store.
        string target = await page.EvaluateAsync<string>("""
            () => {
              const centre = window.explorer.graph.cy.nodes('.centre')[0];
              const near = centre.neighborhood('node[kind = "enterprise"]');
              return near.length > 0 ? near[0].id() : centre.id();
            }
            """);
        await using (var store = new SqliteGraphStore(fixture.Trained.Home.StorePath))
        {
            await store.UpsertAsync<Penalty>([new("BROWSER-" + Guid.NewGuid().ToString("N")[..8], target, PenaltyKind.Fine, 80_000,
                new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 2), "市场监管局")]);
        }

        var item = await page.WaitForSelectorAsync("#watch-events li[data-kind=penalty]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("penalty", await item!.InnerTextAsync());
        await item.ClickAsync();
        await page.WaitForFunctionAsync("() => window.explorer.highlightedEvent?.elements > 0");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, "20-watch-list-event.png") });
        Assert.Empty(errors);
    }
}
