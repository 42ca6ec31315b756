using System.Diagnostics;
using System.Net;
using System.Text.Json;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests.Support;

/// <summary>The YARP gateway (build output of src/RiskGraph.Gateway) as its own process in front of fixed replica addresses.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <param name="replicas">Destination id → replica base URL.</param>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string> replicas, string probeKey, long maxSequenceLag = 5)
    {
        int port = ApiProcess.FreePort();
        string dll = Path.Combine(RepositoryRoot.Path, "src", "RiskGraph.Gateway", "bin", ApiProcess.Configuration, "net10.0", "RiskGraph.Gateway.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (id, url) in replicas) start.Environment[$"ReverseProxy__Clusters__replicas__Destinations__{id}__Address"] = url + "/";
        start.Environment["Gateway__ProbeApiKey"] = probeKey;
        start.Environment["Gateway__MaxSequenceLag"] = maxSequenceLag.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the gateway.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, $"http://127.0.0.1:{port}");
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The gateway exited with code {process.ExitCode}.");
            try
            {
                if ((await client.GetAsync(gateway.BaseUrl + "/gateway/status")).StatusCode == HttpStatusCode.OK) return gateway;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The gateway did not answer within 60 s.");
    }

    /// <summary>GET /gateway/status: each replica's last probe and the forwarded, retried and failed counts.</summary>
    public async Task<JsonElement> StatusAsync()
    {
        using var client = new HttpClient();
        return JsonDocument.Parse(await client.GetStringAsync(BaseUrl + "/gateway/status")).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
