using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Explorer.Tests;

/// <summary>
/// The real API as its own process on a free 127.0.0.1 port, over a generated, imported and trained home, and a
/// headless Chromium driven by Playwright. Shared by the browser tests of one collection.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    private Process? _server;
    private IPlaywright? _playwright;

    public TrainedHome Trained { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>An analyst's key, as a newcomer finds it in keys.txt; and a system key, whose role may not search.</summary>
    public string AnalystKey { get; private set; } = "";

    public string SystemKey { get; private set; } = "";

    /// <summary>Where screenshots go: artifacts/explorer under the repository root.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "explorer");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath)) return;
        Directory.CreateDirectory(ScreenshotFolder);
        // 10,000 enterprises: enough for a 5,000-node view grown from one hub (LargeNetworkTests).
        Trained = await TrainedHome.CreateAsync(enterprises: 10_000, seed: 31);
        await using (var store = new RiskGraph.Model.Storage.Sqlite.SqliteGraphStore(Trained.Home.StorePath))
        {
            await store.InitializeAsync();
            AnalystKey = (await RiskGraph.Model.Security.ApiKeyAdministration.CreateAsync(store, "explorer-analyst", RiskGraph.Model.Security.ApiRole.Analyst,
                "explorer tests", null, null, DateTimeOffset.UtcNow)).Text;
            SystemKey = (await RiskGraph.Model.Security.ApiKeyAdministration.CreateAsync(store, "explorer-system", RiskGraph.Model.Security.ApiRole.System,
                "explorer tests", null, null, DateTimeOffset.UtcNow)).Text;
        }
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _server = StartApi(port, Trained.Home.Root);
        await WaitForHealthAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        Trained?.Dispose();
    }

    private static Process StartApi(int port, string home)
    {
        // The API's own build output, in the configuration these tests were built in (Debug or Release).
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string apiFolder = Path.Combine(RepositoryRoot.Path, "src", "RiskGraph.Api");
        string dll = Path.Combine(apiFolder, "bin", configuration, "net10.0", "RiskGraph.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = apiFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RISKGRAPH_HOME"] = home;
        // depth 3 × 5,000 nodes: the largest view the explorer offers (the default cost cap is 6,000).
        start.Environment["RiskGraph__Limits__NetworkMaxCost"] = "15000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForHealthAsync()
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_server!.HasExited) throw new InvalidOperationException($"The API exited with code {_server.ExitCode}.");
            try
            {
                if ((await client.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The API did not become healthy within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiServerCollection : ICollectionFixture<ApiServerFixture>
{
    public const string Name = "API server and browser";
}
