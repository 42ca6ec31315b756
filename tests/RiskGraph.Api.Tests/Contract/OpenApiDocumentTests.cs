using System.Text.Json.Nodes;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests.Contract;

/// <summary>
/// The committed OpenAPI document (src/RiskGraph.Api/RiskGraph.Api.json) is the contract integrators generate clients
/// from: it must be exactly what the running API serves, and every operation must say what it does and answers.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private static readonly string CommittedPath = Path.Combine(RepositoryRoot.Path, "src", "RiskGraph.Api", "RiskGraph.Api.json");
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private readonly string _home = Path.Combine(Path.GetTempPath(), "riskgraph-tests", Guid.NewGuid().ToString("N"));
    private RiskGraphApiFactory _factory = null!;
    private JsonNode _served = null!;

    public async Task InitializeAsync()
    {
        _factory = new RiskGraphApiFactory(_home);
        _served = JsonNode.Parse(await _factory.CreateClientFor(null).GetStringAsync("/swagger/v1/swagger.json"))!;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_home)) Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void CommittedDocument_IsWhatTheRunningApiServes()
    {
        var committed = JsonNode.Parse(File.ReadAllText(CommittedPath))!;
        var differences = new List<string>();
        Compare(committed, _served, "#", differences);
        Assert.True(differences.Count == 0,
            "src/RiskGraph.Api/RiskGraph.Api.json differs from the served document; run scripts/openapi.sh generate and commit it.\n"
            + string.Join("\n", differences.Take(20)));
    }

    [Fact]
    public void EveryOperation_HasSummaryDescriptionTagsTypedSuccessAndProblemAnswers()
    {
        var problems = new List<string>();
        var tags = _served["tags"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => (string?)t!["description"]);
        foreach (var (path, item) in _served["paths"]!.AsObject())
        {
            foreach (string method in Methods)
            {
                if (item![method] is not JsonObject operation) continue;
                string name = $"{method.ToUpperInvariant()} {path}";
                if (string.IsNullOrWhiteSpace((string?)operation["summary"])) problems.Add($"{name}: no summary");
                if (string.IsNullOrWhiteSpace((string?)operation["description"])) problems.Add($"{name}: no description (WithDescription)");
                if (operation["security"] is null) problems.Add($"{name}: no security");
                foreach (var tag in operation["tags"]?.AsArray() ?? [])
                {
                    if (!tags.TryGetValue((string)tag!, out var description) || string.IsNullOrWhiteSpace(description))
                        problems.Add($"{name}: tag {tag} has no description (OpenApiDocumentFilter.TagDescriptions)");
                }
                var responses = operation["responses"]!.AsObject();
                // 204 has no body by definition; every other success documents what it returns.
                if (!responses.Any(r => r.Key == "204" || (r.Key.StartsWith('2') && r.Value?["content"] is JsonObject)))
                    problems.Add($"{name}: no 2xx answer with a schema (typed Results<…>)");
                var clientErrors = responses.Where(r => r.Key.StartsWith('4')).ToList();
                if (clientErrors.Count == 0) problems.Add($"{name}: no 4xx answer");
                foreach (var (code, response) in clientErrors)
                {
                    if (response?["content"]?["application/problem+json"]?["schema"] is null)
                        problems.Add($"{name}: {code} is not documented as ProblemDetails (ProducesProblem)");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Document_NamesEnumsAndRequiredFields_AndNoCodeNames()
    {
        var schemas = _served["components"]!["schemas"]!;
        Assert.Equal(["low", "medium", "high", "critical"], schemas["WarningResponse"]!["properties"]!["level"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Contains("qualification", schemas["CheckRequest"]!["properties"]!["purpose"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Contains("score", schemas["WarningResponse"]!["required"]!.AsArray().Select(v => (string)v!));
        Assert.Contains("trace_id", schemas["ProblemDetails"]!["properties"]!.AsObject().Select(p => p.Key));
        string text = _served.ToJsonString();
        Assert.DoesNotContain("RiskGraph.Api.", text);
        Assert.DoesNotContain("objectionId", text);
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string at, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e) Compare(value, a[key], $"{at}/{key}", differences);
                foreach (var (key, _) in a.Where(p => !e.ContainsKey(p.Key))) differences.Add($"{at}/{key}: served, not committed");
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (int i = 0; i < e.Count; i++) Compare(e[i], a[i], $"{at}/{i}", differences);
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    differences.Add($"{at}: committed {Cut(expected)}, served {Cut(actual)}");
                break;
        }
    }

    private static string Cut(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "(absent)";
        return text.Length <= 120 ? text : text[..120] + "…";
    }
}
