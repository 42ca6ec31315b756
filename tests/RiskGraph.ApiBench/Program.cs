using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage.Sqlite;

// A bare minimal API answering GET /bare/{uscc} with a precomputed score from a dictionary: no authentication, no
// audit, no model. scripts/bench-api.sh measures it side by side with the real, authenticated and audited warning
// route, on the same enterprises, so the cost of trust is visible in one run.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

string store = app.Configuration["store"] ?? throw new InvalidOperationException("Pass --store PATH/store.db.");
var scores = new Dictionary<string, double>(StringComparer.Ordinal);
await using (var graph = new SqliteGraphStore(store))
{
    await foreach (var enterprise in graph.ReadAllAsync<Enterprise>()) scores[enterprise.Uscc] = enterprise.Uscc[^1] % 100 / 100.0;
}

app.MapGet("/bare/{uscc}", (string uscc) =>
    scores.TryGetValue(uscc, out double score) ? Results.Ok(new BareScore(uscc, score)) : Results.NotFound());
app.Run();

internal sealed record BareScore(string Uscc, double Score);
