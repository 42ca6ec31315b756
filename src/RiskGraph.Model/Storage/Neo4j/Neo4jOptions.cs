namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// Where and how to reach a Neo4j server over its HTTP transaction endpoint. Plain settable properties, so the
/// host can bind the configuration section <see cref="SectionName"/> onto an instance; <see cref="FromEnvironment"/>
/// reads the NEO4J_* variables used by the CLI and the tests.
/// </summary>
public sealed class Neo4jOptions
{
    public const string SectionName = "Neo4j";
    public const string UrlVariable = "NEO4J_URL";
    public const string DatabaseVariable = "NEO4J_DATABASE";
    public const string UserVariable = "NEO4J_USER";
    public const string PasswordVariable = "NEO4J_PASSWORD";

    // A 100k-row request exhausts a 512 MB heap on 3.1; 50k leaves headroom, 10k is the sweet spot measured.
    public const int MaxBatchSize = 50_000;

    /// <summary>Base URL of the HTTP connector, e.g. http://127.0.0.1:7474.</summary>
    public string? Url { get; set; }

    /// <summary>Database name; only used by 4.x and later (3.x has a single database).</summary>
    public string Database { get; set; } = "neo4j";

    public string User { get; set; } = "neo4j";

    /// <summary>Null when the server runs without authentication.</summary>
    public string? Password { get; set; }

    /// <summary>Rows sent per request inside an upsert transaction.</summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>Extra attempts after a transient failure (connection refused or reset, timeout, 5xx, 429, Neo.TransientError).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Time allowed for one HTTP request, including reading its response.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Options from NEO4J_URL, NEO4J_DATABASE, NEO4J_USER and NEO4J_PASSWORD; a variable that is unset or empty
    /// keeps the value of <paramref name="defaults"/> (or the built-in default).
    /// </summary>
    public static Neo4jOptions FromEnvironment(Neo4jOptions? defaults = null)
    {
        var options = defaults?.Clone() ?? new Neo4jOptions();
        options.Url = Variable(UrlVariable) ?? options.Url;
        options.Database = Variable(DatabaseVariable) ?? options.Database;
        options.User = Variable(UserVariable) ?? options.User;
        options.Password = Variable(PasswordVariable) ?? options.Password;
        return options;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Url))
            throw new ArgumentException($"Neo4j URL is not set: set {UrlVariable} or {SectionName}:Url, e.g. http://127.0.0.1:7474.");
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"Neo4j URL '{Url}' is not an absolute http:// or https:// URL (the store talks to the HTTP endpoint, not bolt).");
        if (string.IsNullOrWhiteSpace(Database))
            throw new ArgumentException($"Neo4j database name is empty: set {DatabaseVariable} or {SectionName}:Database.");
        if (Password is not null && string.IsNullOrEmpty(User))
            throw new ArgumentException($"A Neo4j password is set but the user is empty: set {UserVariable} or {SectionName}:User.");
        if (BatchSize < 1 || BatchSize > MaxBatchSize)
            throw new ArgumentException($"Neo4j batch size {BatchSize} is outside 1..{MaxBatchSize} (larger requests exhaust a small server heap).");
        if (MaxRetries < 0 || MaxRetries > 10)
            throw new ArgumentException($"Neo4j max retries {MaxRetries} is outside 0..10.");
        if (RequestTimeout <= TimeSpan.Zero)
            throw new ArgumentException($"Neo4j request timeout {RequestTimeout} must be positive.");
    }

    public Neo4jOptions Clone() => (Neo4jOptions)MemberwiseClone();

    /// <summary>The URL with a trailing slash removed, for building endpoint paths.</summary>
    internal string BaseUrl => (Url ?? "").TrimEnd('/');

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
