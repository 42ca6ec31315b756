using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests.Support;

/// <summary>
/// A Neo4j test server of this test's own (scripts/neo4j-test-server.sh with its own install folder and port),
/// so cutting it off cannot disturb the contract suite, which runs at the same time on the shared server.
/// </summary>
public sealed class PrivateNeo4jServer : IAsyncDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "riskgraph-neo4j-api-tests");

    public string Url { get; private set; } = "";

    public int Port { get; private set; }

    /// <summary>Null when the Neo4j tests may run here, otherwise why not.</summary>
    public static string? SkipReason =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NEO4J_URL"))
            ? "NEO4J_URL is not set: Neo4j tests are off here (CI sets it after starting scripts/neo4j-test-server.sh; this test starts a private server with the same script)."
            : null;

    public async Task StartAsync()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        await RunScriptAsync("stop");
        await RunScriptAsync("reset");
        Url = (await RunScriptAsync("start", "--port", Port.ToString())).Trim();
    }

    public async ValueTask DisposeAsync() => await RunScriptAsync("stop");

    private async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "scripts", "neo4j-test-server.sh"), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RISKGRAPH_NEO4J_HOME"] = _home;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && arguments[0] == "start")
            throw new InvalidOperationException($"neo4j-test-server.sh start failed: {await stderr}");
        return await stdout;
    }
}
