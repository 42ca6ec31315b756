using System.Diagnostics;
using RiskGraph.Model.Storage.Neo4j;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>
/// A test that needs the Neo4j server started by scripts/neo4j-test-server.sh. Without NEO4J_URL it is reported
/// as skipped, with the reason, rather than passing without having run.
/// </summary>
public sealed class Neo4jFactAttribute : FactAttribute
{
    public Neo4jFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Neo4jOptions.UrlVariable)))
        {
            Skip = "NEO4J_URL is not set: start scripts/neo4j-test-server.sh " +
                   "(export NEO4J_URL=$(scripts/neo4j-test-server.sh start)) to run the Neo4j store tests";
        }
    }
}

/// <summary>
/// Every Neo4j test shares one server and wipes it, so they run one at a time and apart from the other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Neo4jCollection
{
    public const string Name = "Neo4j server";
}

/// <summary>Access to the test server: options, a wiped store, and the start script.</summary>
internal static class Neo4jTestServer
{
    public static Neo4jOptions Options(int batchSize = 10_000) => new()
    {
        Url = Environment.GetEnvironmentVariable(Neo4jOptions.UrlVariable),
        Password = Variable(Neo4jOptions.PasswordVariable) ?? Variable("NEO4J_TEST_PASSWORD") ?? "riskgraph",
        BatchSize = batchSize,
    };

    /// <summary>A store on an empty database with the schema in place.</summary>
    public static async Task<Neo4jGraphStore> CreateEmptyStoreAsync(int batchSize = 10_000)
    {
        var store = new Neo4jGraphStore(Options(batchSize));
        await WipeAsync(store);
        await store.InitializeAsync();
        return store;
    }

    /// <summary>Deletes every node and relationship in chunks (one huge DETACH DELETE would not fit the small test heap).</summary>
    public static async Task WipeAsync(Neo4jGraphStore store)
    {
        var statement = new Neo4jStatement("MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*)");
        long deleted;
        do
        {
            deleted = (await store.Client.RunAsync(statement)).Single().GetInt64();
        }
        while (deleted > 0);
    }

    /// <summary>The repository root: the nearest folder above the test binaries that holds RiskGraph.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RiskGraph.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No RiskGraph.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Runs scripts/neo4j-test-server.sh with <paramref name="arguments"/>; returns its stdout, throws on failure.</summary>
    public static async Task<string> RunScriptAsync(string arguments)
    {
        string root = RepositoryRoot();
        var start = new ProcessStartInfo("bash", $"scripts/neo4j-test-server.sh {arguments}")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"neo4j-test-server.sh {arguments} exited with {process.ExitCode}: {await errors}");
        return (await output).Trim();
    }

    /// <summary>
    /// The pid of the running server, from the pid file the script keeps (not bin/neo4j's run/neo4j.pid, which the
    /// script does not use).
    /// </summary>
    public static int ServerPid()
    {
        string home = Variable("RISKGRAPH_NEO4J_HOME")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "riskgraph", "neo4j-3.1.1");
        string pidFile = Path.Combine(home.TrimEnd('/'), "run", "riskgraph-test-server.pid");
        return int.Parse(File.ReadAllText(pidFile).Trim());
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
