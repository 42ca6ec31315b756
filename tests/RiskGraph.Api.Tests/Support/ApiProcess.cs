using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests.Support;

/// <summary>
/// The API as its own process on Kestrel (the build output of src/RiskGraph.Api), for what an in-memory test server
/// cannot show: Kestrel's request limits, a kill -9, a CLI acting on the same home while the API runs.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <param name="port">A fixed port (a replica restarted where a gateway expects it); default a free one.</param>
    public static async Task<ApiProcess> StartAsync(string home, IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        port ??= FreePort();
        string dll = Path.Combine(RepositoryRoot.Path, "src", "RiskGraph.Api", "bin", Configuration, "net10.0", "RiskGraph.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RISKGRAPH_HOME"] = home;
        start.Environment["RiskGraph__Auth__KeyRefreshSeconds"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        var api = new ApiProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) api._output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) api._output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await api.WaitForHealthAsync();
        return api;
    }

    /// <summary>Runs a verb of the RiskGraph CLI (its build output) against <paramref name="home"/>; returns exit code and standard output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCliAsync(string home, params string[] arguments)
    {
        string dll = Path.Combine(RepositoryRoot.Path, "src", "RiskGraph.Training", "bin", Configuration, "net10.0", "RiskGraph.Training.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["RISKGRAPH_HOME"] = home;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Everything the process wrote to standard output and error so far (its log), line by line.</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    /// <summary>SIGTERM, as a service manager or Kubernetes stops it; returns the exit code once it has exited.</summary>
    public async Task<int> TerminateAsync(TimeSpan wait)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(wait);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    // The tests' own build configuration (Debug or Release) names the folder of the other projects' output.
    internal static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    internal async Task WaitForHealthAsync()
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The API exited with code {_process.ExitCode}.");
            try
            {
                if ((await client.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The API did not become healthy within 90 s.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
