using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Model.Audit;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Tests.Security;

/// <summary>
/// Keys made and revoked with the CLI while a real API process runs; the audit chain over real requests, verified
/// by the CLI and broken by an edit in SQLite; and what a normal stop and a kill -9 leave in the log.
/// </summary>
[Collection(SecuredApiCollection.Name)]
public class KeyLifecycleAndAuditTests(SecuredApiFixture fixture)
{
    [Fact]
    public async Task API2_AKeyCreatedWithTheCli_Works_AndOnceRevokedWithTheCli_IsRefusedWithin5Seconds_WithoutARestart()
    {
        string home = fixture.Trained.Home.Root;
        await using var api = await ApiProcess.StartAsync(home);
        string name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var created = await ApiProcess.RunCliAsync(home, "keys", "create", "--name", name, "--role", "system", "--department", "Bank X");
        Assert.True(created.ExitCode == 0, created.Error);
        string key = created.Output.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith(ApiKeySecret.Prefix, key);

        using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        string uscc = fixture.Enterprise(2).Uscc;
        // The running API sees the new key at its next refresh of the keys (every second here).
        Assert.Equal(HttpStatusCode.OK, await PollAsync(client, $"/api/enterprises/{uscc}/warning", HttpStatusCode.OK));
        var listed = await ApiProcess.RunCliAsync(home, "keys", "list");
        Assert.Contains(name, listed.Output);
        Assert.DoesNotContain(key, listed.Output);

        var revoked = await ApiProcess.RunCliAsync(home, "keys", "revoke", name);
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, await PollAsync(client, $"/api/enterprises/{uscc}/warning", HttpStatusCode.Unauthorized));
    }

    /// <summary>Asks until the answer is <paramref name="wanted"/> or 5 s have passed; returns the last status.</summary>
    private static async Task<HttpStatusCode> PollAsync(HttpClient client, string path, HttpStatusCode wanted)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync(path)).StatusCode;
            if (status == wanted) break;
            await Task.Delay(100);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(5));
        return status;
    }

    [Fact]
    public async Task TheAuditChainOverRealRequests_VerifiesWithTheCli_AndAnEditInSqliteIsNamedByTheCli()
    {
        var client = fixture.Factory.CreateClientFor(ApiRole.Analyst);
        for (int i = 0; i < 5; i++) await client.GetAsync($"/api/enterprises/{fixture.Enterprise(i).Uscc}/warning");
        string copy = Path.Combine(fixture.Trained.Home.Root, "audit-copy-" + Guid.NewGuid().ToString("N")[..6] + ".db");
        // A consistent copy of the live log (VACUUM INTO), so the live one stays intact for the other tests.
        SqliteAuditLogTamper(fixture.Factory.Services.GetRequiredService<SqliteAuditLog>().Path, $"VACUUM INTO '{copy}'");

        var intact = await ApiProcess.RunCliAsync(fixture.Trained.Home.Root, "audit", "verify", "--file", copy);
        Assert.True(intact.ExitCode == 0, intact.Error);
        Assert.Contains("intact", intact.Output);

        SqliteAuditLogTamper(copy, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET returned = 'nothing to see' WHERE id = 2");
        var broken = await ApiProcess.RunCliAsync(fixture.Trained.Home.Root, "audit", "verify", "--file", copy);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("entry 2", broken.Error);
    }

    [Fact]
    public async Task AKill9_LosesNoEntryOfARequestThatWasAnswered()
    {
        string home = fixture.Trained.Home.Root;
        var log = new SqliteAuditLog(Path.Combine(home, "audit.db"));
        await using var api = await ApiProcess.StartAsync(home);
        using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", fixture.Factory.KeyFor(ApiRole.System));
        string subject = fixture.Enterprise(7).Uscc;
        long before = log.Read(new AuditQuery(null, null, null, subject, 1, 1)).Total;

        int answered = 0;
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await client.GetAsync($"/api/enterprises/{subject}/warning", stop.Token);
                    if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref answered);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    return;
                }
            }
        })).ToArray();
        await Task.Delay(1500);
        await api.KillAsync();
        int answeredAtKill = Volatile.Read(ref answered);
        stop.Cancel();
        await Task.WhenAll(callers);

        long registered = log.Read(new AuditQuery(null, null, null, subject, 1, 1)).Total - before;
        Assert.True(answeredAtKill > 20, $"only {answeredAtKill} requests were answered before the kill");
        Assert.True(registered >= answeredAtKill, $"{answeredAtKill} answered, {registered} registered");
        Assert.True(log.Verify().Intact);
    }

    [Fact]
    public async Task ANormalStop_LosesNoAuditEntry()
    {
        await using var own = new RiskGraphApiFactory(fixture.Trained.Home.Root, keyPrefix: "stop");
        var client = own.CreateClientFor(ApiRole.System);
        string subject = fixture.Enterprise(9).Uscc;
        var log = own.Services.GetRequiredService<SqliteAuditLog>();
        long before = log.Read(new AuditQuery(null, null, null, subject, 1, 1)).Total;
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync($"/api/enterprises/{subject}/warning")));

        await own.DisposeAsync();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(before + 50, new SqliteAuditLog(log.Path).Read(new AuditQuery(null, null, null, subject, 1, 1)).Total);
    }

    private static void SqliteAuditLogTamper(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
