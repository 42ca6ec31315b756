using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests.Operations;

/// <summary>The API as a real process: SIGTERM drains requests in flight and exits 0; bad configuration exits non-zero with one line.</summary>
[Collection(TrainedApiCollection.Name)]
public sealed class LifecycleTests(TrainedApiFixture fixture)
{
    [Fact]
    public async Task Sigterm_FinishesTheRequestInFlight_CommitsItsAuditEntry_AndExitsZero()
    {
        var created = await ApiProcess.RunCliAsync(fixture.Trained.Home.Root, "keys", "create", "--name", "lifecycle-" + Guid.NewGuid().ToString("N")[..6], "--role", "system");
        string key = created.Output.Trim().Split('\n')[^1].Trim();
        await using var api = await ApiProcess.StartAsync(fixture.Trained.Home.Root, new Dictionary<string, string> { ["RiskGraph__ShutdownDrainSeconds"] = "20" });
        using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        // A request whose body is still arriving when the stop comes: in flight by any definition.
        string body = $"{{\"usccs\":[\"{fixture.Usccs[0]}\",\"{fixture.Usccs[1]}\"]}}";
        var gate = new TaskCompletionSource();
        var content = new SlowContent(Encoding.UTF8.GetBytes(body[..10]), Encoding.UTF8.GetBytes(body[10..]), gate.Task);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var inFlight = client.PostAsync("/api/warnings/batch", content);
        await Task.Delay(1500);
        var exit = Task.Run(() => api.TerminateAsync(TimeSpan.FromSeconds(60)));
        await Task.Delay(1500);
        gate.SetResult();

        var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fixture.Usccs[1], await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await exit);

        // The answered request was registered before the process ended.
        using var audit = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fixture.Trained.Home.AuditPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        audit.Open();
        using var query = audit.CreateCommand();
        query.CommandText = "SELECT count(*) FROM audit_log WHERE subject LIKE $s";
        query.Parameters.AddWithValue("$s", $"%{fixture.Usccs[1]}%");
        Assert.True((long)query.ExecuteScalar()! >= 1);
        Assert.Single(api.Output, line => line.Contains("Serving model", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidConfiguration_IsOneLogLineAndANonZeroExit()
    {
        string dll = Path.Combine(RepositoryRoot.Path, "src", "RiskGraph.Api", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "RiskGraph.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["RISKGRAPH_HOME"] = Path.Combine(fixture.Trained.Root, "misconfigured");
        start.Environment["RiskGraph__ChangePollMilliseconds"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        string log = await output + await error;
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("could not start", log);
        Assert.Contains("ChangePollMilliseconds", log);
        Assert.DoesNotContain("   at ", log);
    }

    private sealed class SlowContent(byte[] first, byte[] rest, Task gate) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(first);
            await stream.FlushAsync();
            await gate;
            await stream.WriteAsync(rest);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = first.Length + rest.Length;
            return true;
        }
    }
}
