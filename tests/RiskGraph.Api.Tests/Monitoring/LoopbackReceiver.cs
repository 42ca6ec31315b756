using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace RiskGraph.Api.Tests.Monitoring;

/// <summary>
/// A webhook receiver on a loopback listener that verifies every delivery the way the README tells receivers to:
/// HMAC-SHA256 of "timestamp.body" with the secret, compared in constant time. It answers 500 to the first
/// <c>failures</c> requests, then 200.
/// </summary>
public sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _failures;

    public LoopbackReceiver(int failures)
    {
        _failures = failures;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks/riskgraph";

    public string? Secret { get; set; }

    /// <summary>Every request: its status answered, whether its signature verified, its event id and body.</summary>
    public ConcurrentQueue<(int Status, bool Verified, string? EventId, string Body)> Requests { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            bool verified = Verify(context.Request.Headers["X-RiskGraph-Signature"], body);
            int status = Interlocked.Decrement(ref _failures) >= 0 ? 500 : 200;
            Requests.Enqueue((status, verified, context.Request.Headers["X-RiskGraph-Event-Id"], body));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    /// <summary>The receiver's recipe: parse t and v1, refuse old timestamps, recompute, compare in constant time.</summary>
    private bool Verify(string? header, string body)
    {
        if (header is null || Secret is null) return false;
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out string? t) || !parts.TryGetValue("v1", out string? v1) || !long.TryParse(t, out long timestamp)) return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) > 300) return false;
        byte[] expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        byte[] given;
        try
        {
            given = Convert.FromHexString(v1);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
