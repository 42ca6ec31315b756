using System.Net;
using System.Text;
using System.Text.Json;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage.Neo4j;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>
/// The HTTP client's discovery, error and retry rules against a scripted server, so they are checked on every
/// run and not only when a real Neo4j is at hand.
/// </summary>
public sealed class Neo4jHttpClientTests
{
    private const string Modern = """{"transaction":"http://10.0.0.9:7474/db/{databaseName}/tx","neo4j_version":"5.26.0"}""";
    private const string Empty = """{"results":[],"errors":[]}""";
    private const string One = """{"results":[{"columns":["written","stubs"],"data":[{"row":[1,0]}]}],"errors":[]}""";

    [Fact]
    public async Task A_3x_server_is_discovered_through_db_data()
    {
        var server = new ScriptedServer((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/" => Json("""{"management":"http://127.0.0.1:7474/db/manage/","data":"http://127.0.0.1:7474/db/data/"}"""),
            "/db/data/" => Json("""{"transaction":"http://127.0.0.1:7474/db/data/transaction","neo4j_version":"3.1.1"}"""),
            _ => Json(Empty, HttpStatusCode.NotFound),
        });
        using var client = Client(server);

        await client.ConnectAsync();

        Assert.Equal(new Version(3, 1), client.ServerVersion);
        Assert.Equal("http://neo4j.test:7474/db/data/transaction", client.TransactionUrl);
    }

    [Fact]
    public async Task A_4x_or_5x_server_is_discovered_at_the_root_with_the_database_filled_in()
    {
        var server = new ScriptedServer((_, _) => Json(Modern));
        using var client = Client(server, o => o.Database = "credit");

        await client.ConnectAsync();

        Assert.Equal(new Version(5, 26), client.ServerVersion);
        // The advertised host 10.0.0.9 is replaced by the configured one.
        Assert.Equal("http://neo4j.test:7474/db/credit/tx", client.TransactionUrl);
    }

    [Fact]
    public async Task Server_unavailability_is_retried_then_succeeds()
    {
        var server = new ScriptedServer((request, attempt) => request.RequestUri!.AbsolutePath switch
        {
            "/" => Json(Modern),
            _ when attempt == 1 => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
            _ when attempt == 2 => Json("", HttpStatusCode.ServiceUnavailable),
            _ when attempt == 3 => Json(Error("Neo.TransientError.Transaction.DeadlockDetected"), HttpStatusCode.OK),
            _ => Json(One),
        });
        using var client = Client(server);

        var result = await client.RunAsync(new Neo4jStatement("RETURN 1"));

        Assert.Equal(1, result.Single().GetInt32());
        Assert.Equal(4, server.Attempts("POST /db/neo4j/tx/commit"));
    }

    [Fact]
    public async Task A_client_error_is_never_retried()
    {
        var server = new ScriptedServer((request, _) => request.RequestUri!.AbsolutePath == "/"
            ? Json(Modern)
            : Json(Error("Neo.ClientError.Statement.SyntaxError")));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync(new Neo4jStatement("RETURN")));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal(1, server.Attempts("POST /db/neo4j/tx/commit"));
    }

    [Fact]
    public async Task An_unreachable_server_fails_after_the_configured_retries()
    {
        var server = new ScriptedServer((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        using var client = Client(server, o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.ConnectAsync());

        Assert.Equal(Neo4jException.UnavailableCode, error.Code);
        Assert.Equal(3, server.Attempts("GET /"));
    }

    [Fact]
    public async Task A_transient_error_inside_a_transaction_is_not_retried_but_the_store_redoes_the_whole_transaction()
    {
        int begun = 0;
        var server = new ScriptedServer((request, attempt) => (request.Method.Method, request.RequestUri!.AbsolutePath) switch
        {
            ("GET", "/") => Json(Modern),
            ("POST", "/db/neo4j/tx") => Json(Empty, HttpStatusCode.Created, $"http://neo4j.test:7474/db/neo4j/tx/{++begun}"),
            ("POST", "/db/neo4j/tx/1") => Json(Error("Neo.TransientError.Transaction.DeadlockDetected")),
            ("DELETE", "/db/neo4j/tx/1") => Json(Error("Neo.ClientError.Transaction.TransactionNotFound"), HttpStatusCode.NotFound),
            ("POST", "/db/neo4j/tx/2") => Json(One),
            // The commit also appends the change-feed entry, whose sequence comes back as the first result.
            ("POST", "/db/neo4j/tx/2/commit") => Json(One),
            _ => Json(Error("Neo.ClientError.Request.Invalid"), HttpStatusCode.BadRequest),
        });
        await using var store = new Neo4jGraphStore(Options(), server);
        store.Client.RetryDelay = _ => TimeSpan.Zero;

        await store.UpsertAsync([new Person("p_1", "甲", "110***********0000")]);

        Assert.Equal(1, server.Attempts("POST /db/neo4j/tx/1"));
        Assert.Equal(2, begun);
        Assert.Equal(1, server.Attempts("POST /db/neo4j/tx/2/commit"));
        Assert.Contains("\"display_name\":\"甲\"", server.Bodies("/db/neo4j/tx/2").Single());
    }

    [Fact]
    public async Task A_statement_that_times_out_inside_a_transaction_is_not_sent_again()
    {
        var server = new ScriptedServer((request, _) => (request.Method.Method, request.RequestUri!.AbsolutePath) switch
        {
            ("GET", "/") => Json(Modern),
            ("POST", "/db/neo4j/tx") => Json(Empty, HttpStatusCode.Created, "http://neo4j.test:7474/db/neo4j/tx/7"),
            ("POST", "/db/neo4j/tx/7") => throw new TaskCanceledException("scripted: no answer in time"),
            _ => Json(Empty),
        });
        using var client = Client(server, o => o.RequestTimeout = TimeSpan.FromSeconds(30));
        await using var transaction = await client.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<Neo4jException>(() => transaction.RunAsync([new Neo4jStatement("RETURN 1")]));

        Assert.Equal(Neo4jException.TimeoutCode, error.Code);
        Assert.Equal(1, server.Attempts("POST /db/neo4j/tx/7"));
    }

    [Fact]
    public void Options_name_the_setting_that_cannot_work()
    {
        var missing = Assert.Throws<ArgumentException>(() => new Neo4jOptions().Validate());
        Assert.Contains("NEO4J_URL", missing.Message);
        var bolt = Assert.Throws<ArgumentException>(() => new Neo4jOptions { Url = "bolt://localhost:7687" }.Validate());
        Assert.Contains("http", bolt.Message);
        var batch = Assert.Throws<ArgumentException>(() => new Neo4jOptions { Url = "http://x", BatchSize = 100_000 }.Validate());
        Assert.Contains("batch size", batch.Message);
    }

    [Theory]
    [InlineData(3.0, "3.0")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(2e23, "2E+23")]
    public void Floats_are_written_as_floats_that_round_trip(double value, string expected)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) Neo4jJson.WriteFloat(writer, value);
        string text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Equal(expected, text);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NaN_cannot_be_written()
    {
        using var writer = new Utf8JsonWriter(new MemoryStream());
        Assert.Throws<ArgumentException>(() => Neo4jJson.WriteFloat(writer, double.NaN));
    }

    private static Neo4jOptions Options(Action<Neo4jOptions>? change = null)
    {
        var options = new Neo4jOptions { Url = "http://neo4j.test:7474/", Password = "secret", MaxRetries = 4 };
        change?.Invoke(options);
        return options;
    }

    private static Neo4jHttpClient Client(ScriptedServer server, Action<Neo4jOptions>? change = null) =>
        new(Options(change), server) { RetryDelay = _ => TimeSpan.Zero };

    private static string Error(string code) => $$"""{"results":[],"errors":[{"code":"{{code}}","message":"scripted"}]}""";

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, string? location = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (location is not null) response.Headers.Location = new Uri(location);
        return response;
    }

    /// <summary>Answers each request with <c>respond(request, attempt)</c>, attempt counting requests to the same method and path.</summary>
    private sealed class ScriptedServer(Func<HttpRequestMessage, int, HttpResponseMessage> respond) : HttpMessageHandler
    {
        private readonly Dictionary<string, int> _attempts = [];
        private readonly Dictionary<string, List<string>> _bodies = [];

        /// <summary>Requests seen for <paramref name="request"/>, e.g. "POST /db/neo4j/tx/commit".</summary>
        public int Attempts(string request) => _attempts.GetValueOrDefault(request);

        public IReadOnlyList<string> Bodies(string path) => _bodies.TryGetValue(path, out var bodies) ? bodies : [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string path = request.RequestUri!.AbsolutePath;
            string key = $"{request.Method} {path}";
            int attempt = _attempts[key] = _attempts.GetValueOrDefault(key) + 1;
            if (request.Content is not null)
            {
                Assert.Equal("application/json", request.Content.Headers.ContentType?.MediaType);
                Assert.Equal("Basic", request.Headers.Authorization?.Scheme);
                if (!_bodies.TryGetValue(path, out var bodies)) _bodies[path] = bodies = [];
                bodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            }
            return respond(request, attempt);
        }
    }
}
