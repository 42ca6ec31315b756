namespace RiskGraph.Api.Tests.Cluster;

/// <summary>Callers asking for warnings through the gateway in a loop until stopped, counting answers and failures.</summary>
public sealed class WarningLoad(string gatewayUrl, string key, IReadOnlyList<string> usccs)
{
    private readonly CancellationTokenSource _stop = new();
    private int _total, _succeeded, _failed;

    public int Total => Volatile.Read(ref _total);

    public int Succeeded => Volatile.Read(ref _succeeded);

    public int Failed => Volatile.Read(ref _failed);

    public string? FirstFailure { get; private set; }

    public Task RunAsync(int callers) => Task.WhenAll(Enumerable.Range(0, callers).Select(CallAsync));

    public async Task StopAsync(Task running)
    {
        await _stop.CancelAsync();
        await running;
    }

    private async Task CallAsync(int caller)
    {
        using var client = new HttpClient { BaseAddress = new Uri(gatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        for (int i = caller; !_stop.IsCancellationRequested; i += 7)
        {
            string uscc = usccs[i % usccs.Count];
            Interlocked.Increment(ref _total);
            try
            {
                using var response = await client.GetAsync($"/api/enterprises/{uscc}/warning");
                if (response.IsSuccessStatusCode) Interlocked.Increment(ref _succeeded);
                else Fail($"{(int)response.StatusCode} for {uscc}");
            }
            catch (HttpRequestException e)
            {
                Fail(e.Message);
            }
        }
    }

    private void Fail(string what)
    {
        if (Interlocked.Increment(ref _failed) == 1) FirstFailure = what;
    }
}
