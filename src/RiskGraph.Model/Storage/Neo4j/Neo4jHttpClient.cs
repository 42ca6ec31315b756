using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RiskGraph.Model.Diagnostics;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// The Neo4j HTTP transaction endpoint (3.x /db/data/transaction, 4.x and later /db/{database}/tx) over
/// HttpClient and System.Text.Json. Transient failures are retried with exponential backoff and jitter; a
/// ClientError never is, because sending the same statement again would fail the same way.
/// </summary>
public sealed class Neo4jHttpClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private readonly Neo4jOptions _options;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _discoveryLock = new(1, 1);
    private Version? _serverVersion;
    private string? _transactionUrl;

    public Neo4jHttpClient(Neo4jOptions options, HttpMessageHandler? handler = null)
    {
        options.Validate();
        _options = options.Clone();
        // Timeouts are applied per attempt (RequestTimeout), so the client-wide timeout must not cut retries short.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_options.Password is not null)
        {
            string credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.User}:{_options.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
    }

    /// <summary>Wait before retry number <c>attempt</c> (1-based). Replaceable so tests need not sleep.</summary>
    internal Func<int, TimeSpan> RetryDelay { get; set; } = DefaultRetryDelay;

    /// <summary>The server's version, e.g. 3.1.1; known after <see cref="ConnectAsync"/>.</summary>
    public Version ServerVersion => _serverVersion ?? throw NotConnected();

    /// <summary>The transaction endpoint, e.g. http://127.0.0.1:7474/db/data/transaction; known after <see cref="ConnectAsync"/>.</summary>
    public string TransactionUrl => _transactionUrl ?? throw NotConnected();

    public string BaseUrl => _options.BaseUrl;

    /// <summary>Discovers the server's version and transaction endpoint once; later calls return at once.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (_transactionUrl is not null) return;
        await _discoveryLock.WaitAsync(cancellationToken);
        try
        {
            if (_transactionUrl is not null) return;
            // 4.x and 5.x describe themselves at the root; 3.x only lists links there and describes itself at /db/data/.
            var root = await SendAsync(HttpMethod.Get, _options.BaseUrl + "/", null, _options.MaxRetries, true, cancellationToken);
            if (!TryReadDiscovery(root.Body, out string? template, out string? version))
            {
                var data = await SendAsync(HttpMethod.Get, _options.BaseUrl + "/db/data/", null, _options.MaxRetries, true, cancellationToken);
                if (!TryReadDiscovery(data.Body, out template, out version))
                    throw new Neo4jException(Neo4jException.ProtocolCode, $"{_options.BaseUrl} does not look like a Neo4j HTTP endpoint (no transaction URL or version).");
            }
            _serverVersion = ParseVersion(version!);
            _transactionUrl = Rebase(template!.Replace("{databaseName}", Uri.EscapeDataString(_options.Database), StringComparison.Ordinal));
        }
        finally
        {
            _discoveryLock.Release();
        }
    }

    /// <summary>Runs statements in one autocommit transaction (POST {tx}/commit); retried as a whole on transient failures.</summary>
    public async Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<Neo4jStatement> statements, CancellationToken cancellationToken = default)
    {
        await ConnectAsync(cancellationToken);
        var response = await SendAsync(HttpMethod.Post, TransactionUrl + "/commit", Body(statements), _options.MaxRetries, true, cancellationToken);
        return ReadResults(response.Body);
    }

    public async Task<Neo4jResult> RunAsync(Neo4jStatement statement, CancellationToken cancellationToken = default) =>
        (await RunAsync([statement], cancellationToken))[0];

    /// <summary>Opens an explicit transaction (POST {tx} → 201 Created with its URL in Location).</summary>
    public async Task<Neo4jTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        await ConnectAsync(cancellationToken);
        // Retrying a begin whose answer was lost may leave an empty transaction behind; it holds no locks and expires.
        var response = await SendAsync(HttpMethod.Post, TransactionUrl, Body([]), _options.MaxRetries, true, cancellationToken);
        if (response.Status != HttpStatusCode.Created || response.Location is null)
            throw new Neo4jException(Neo4jException.ProtocolCode, $"Opening a transaction answered HTTP {(int)response.Status} without a Location.");
        return new Neo4jTransaction(this, Rebase(response.Location.ToString()));
    }

    /// <summary>
    /// A request inside an open transaction. Only failures around the server (connection refused or reset, 5xx,
    /// 429) are retried: an error the server reports has already rolled the transaction back, and a retry after
    /// the transaction died answers TransactionNotFound, which then reaches the caller to redo the whole work.
    /// </summary>
    internal async Task<IReadOnlyList<Neo4jResult>> SendInTransactionAsync(
        HttpMethod method, string url, IReadOnlyList<Neo4jStatement>? statements, int maxRetries, CancellationToken cancellationToken)
    {
        var response = await SendAsync(method, url, statements is null ? null : Body(statements), maxRetries, false, cancellationToken);
        return ReadResults(response.Body);
    }

    internal int MaxRetries => _options.MaxRetries;

    public void Dispose()
    {
        _http.Dispose();
        _discoveryLock.Dispose();
    }

    /// <param name="repeatable">
    /// True for requests that are a whole unit of work (autocommit, discovery, begin): they are repeated on
    /// Neo.TransientError and on timeouts too. Inside an open transaction neither is: the error has already rolled
    /// the transaction back, and a statement that timed out may still be running there, so a second request would
    /// only be refused as concurrent.
    /// </param>
    private async Task<RawResponse> SendAsync(
        HttpMethod method, string url, byte[]? body, int maxRetries, bool repeatable, CancellationToken cancellationToken)
    {
        Exception? last = null;
        for (int attempt = 0; attempt <= maxRetries; attempt++)
        {
            if (attempt > 0)
            {
                RiskGraphMetrics.Neo4jRetries.Add(1);
                await Task.Delay(RetryDelay(attempt), cancellationToken);
            }
            long started = Stopwatch.GetTimestamp();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            try
            {
                using var request = new HttpRequestMessage(method, url);
                if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } };
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                byte[] bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                RiskGraphMetrics.Neo4jRequestDuration.Record(RiskGraphMetrics.SecondsSince(started));
                var json = ParseJson(bytes);
                var error = FirstError(json);
                int status = (int)response.StatusCode;
                if (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    last = error ?? new Neo4jException(Neo4jException.HttpStatusCode, $"HTTP {status} from {method} {url}.");
                    continue;
                }
                if (error is not null)
                {
                    if (error.IsTransient && repeatable) { last = error; continue; }
                    throw error;
                }
                if (!response.IsSuccessStatusCode)
                    throw new Neo4jException(Neo4jException.HttpStatusCode, $"HTTP {status} from {method} {url}{Hint(response.StatusCode)}.");
                if (json is null && bytes.Length > 0)
                    throw new Neo4jException(Neo4jException.ProtocolCode, $"{method} {url} answered HTTP {status} with a body that is not JSON.");
                return new RawResponse(response.StatusCode, response.Headers.Location, json);
            }
            catch (HttpRequestException e) when (IsTransportFailure(e)) { last = e; }
            catch (IOException e) { last = e; }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                var timedOut = new Neo4jException(Neo4jException.TimeoutCode, $"{method} {url} took longer than {_options.RequestTimeout}.", e);
                if (!repeatable) throw timedOut;
                last = timedOut;
            }
        }
        if (last is Neo4jException neo4j) throw neo4j;
        throw new Neo4jException(Neo4jException.UnavailableCode,
            $"Neo4j at {_options.BaseUrl} did not answer {method} {url} after {maxRetries + 1} attempt(s): {last?.Message}", last);
    }

    private static bool IsTransportFailure(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded or HttpRequestError.Unknown;

    private static string Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => " (wrong user or password: check NEO4J_USER and NEO4J_PASSWORD)",
        HttpStatusCode.Forbidden => " (the user may still have to change the initial password)",
        HttpStatusCode.NotFound => " (wrong URL or database name?)",
        _ => "",
    };

    private static JsonElement? ParseJson(byte[] bytes)
    {
        if (bytes.Length == 0) return null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Neo4jException? FirstError(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
            return null;
        var first = errors[0];
        string code = first.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "Neo.Unknown";
        string message = string.Join(" | ", errors.EnumerateArray()
            .Select(e => e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : e.GetRawText()));
        return new Neo4jException(code, message);
    }

    private static IReadOnlyList<Neo4jResult> ReadResults(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("results", out var results)) return [];
        var list = new List<Neo4jResult>(results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            var columns = result.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
            var rows = result.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("row")).ToArray();
            list.Add(new Neo4jResult(columns, rows));
        }
        return list;
    }

    private static byte[] Body(IReadOnlyList<Neo4jStatement> statements)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Neo4jJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("statements");
            foreach (var statement in statements) statement.WriteTo(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryReadDiscovery(JsonElement? json, out string? transaction, out string? version)
    {
        transaction = version = null;
        if (json is not { ValueKind: JsonValueKind.Object } root) return false;
        if (root.TryGetProperty("transaction", out var t) && t.ValueKind == JsonValueKind.String) transaction = t.GetString();
        if (root.TryGetProperty("neo4j_version", out var v) && v.ValueKind == JsonValueKind.String) version = v.GetString();
        return transaction is not null && version is not null;
    }

    /// <summary>"3.1.1", "5.26.0" or calendar versions such as "2025.01.0" (suffixes like "-aura" ignored).</summary>
    internal static Version ParseVersion(string text)
    {
        var parts = text.Split('.', '-', '+');
        int major = parts.Length > 0 && int.TryParse(parts[0], out int a) ? a : 0;
        int minor = parts.Length > 1 && int.TryParse(parts[1], out int b) ? b : 0;
        return major > 0 ? new Version(major, minor) : throw new Neo4jException(Neo4jException.ProtocolCode, $"Unrecognised Neo4j version '{text}'.");
    }

    /// <summary>
    /// Keeps the path the server gave but the scheme, host and port we were configured with: behind port mapping
    /// or a proxy the server advertises an address this process may not be able to reach.
    /// </summary>
    private string Rebase(string serverUrl)
    {
        var configured = new Uri(_options.BaseUrl + "/");
        var given = new Uri(configured, serverUrl);
        return new UriBuilder(given) { Scheme = configured.Scheme, Host = configured.Host, Port = configured.Port }.Uri.AbsoluteUri.TrimEnd('/');
    }

    private static TimeSpan DefaultRetryDelay(int attempt)
    {
        // 0.25 s, 0.5 s, 1 s, 2 s ... capped at 8 s, each scaled by 0.5-1.5 so that clients that failed together
        // do not come back together.
        double seconds = Math.Min(8, 0.25 * Math.Pow(2, attempt - 1)) * (0.5 + Random.Shared.NextDouble());
        return TimeSpan.FromSeconds(seconds);
    }

    private static InvalidOperationException NotConnected() => new("Call ConnectAsync first: the server has not been discovered yet.");

    private sealed record RawResponse(HttpStatusCode Status, Uri? Location, JsonElement? Body);
}
