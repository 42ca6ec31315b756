using Microsoft.Playwright;

namespace RiskGraph.Explorer.Tests;

/// <summary>A browser page on the explorer with the analyst's key entered, collecting page errors.</summary>
public sealed class ExplorerSession(IBrowserContext context, IPage page, List<string> errors) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> Errors { get; } = errors;

    /// <summary>Opens <c>/explorer/{query}</c>, enters the key, then (when given) goes to <paramref name="then"/> in the same tab.</summary>
    public static async Task<ExplorerSession> OpenAsync(ApiServerFixture fixture, string query = "", string? then = null, int width = 1400, int height = 900)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) errors.Add(message.Text); };
        await page.GotoAsync(fixture.BaseUrl + "/explorer/" + query);
        await page.WaitForFunctionAsync("() => window.explorer && window.explorer.ready");
        await page.FillAsync("#key-input", fixture.AnalystKey);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForFunctionAsync("key => sessionStorage.getItem('riskgraph.apiKey') === key", fixture.AnalystKey);
        if (then is not null)
        {
            await page.GotoAsync(fixture.BaseUrl + "/explorer/" + then);
            await page.WaitForFunctionAsync("() => window.explorer && window.explorer.ready");
        }
        return new ExplorerSession(context, page, errors);
    }

    /// <summary>Waits until a network is laid out and the centre's panel is filled.</summary>
    public async Task WaitForNetworkAsync(int timeoutMs = 60_000)
    {
        await Page.WaitForFunctionAsync("() => window.explorer.lastRenderMs !== null", null, new PageWaitForFunctionOptions { Timeout = timeoutMs });
        await Page.WaitForSelectorAsync("#panel-class", new PageWaitForSelectorOptions { Timeout = 30_000 });
    }

    /// <summary>The riskiest enterprises, fetched with the tab's key.</summary>
    public Task<string[]> TopUsccsAsync(int count) => Page.EvaluateAsync<string[]>(
        "async n => (await (await fetch('/api/enterprises?query=有限公司&page_size=' + n, { headers: { 'X-Api-Key': sessionStorage.getItem('riskgraph.apiKey') } })).json()).items.map(i => i.uscc)",
        count);

    public Task ScreenshotAsync(ApiServerFixture fixture, string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, name) });

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
    }
}
