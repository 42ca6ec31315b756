using System.CommandLine;
using RiskGraph.Training.Commands;

// The RiskGraph command line: data generation, import, training, evaluation and benchmarks.
var root = new RootCommand("RiskGraph: synthetic data, import, training, evaluation and benchmarks for the enterprise-risk graph.");
foreach (var command in CommandCatalog.All())
{
    root.Add(command);
}
// --home beside RISKGRAPH_HOME, on every verb; it wins over the variable.
var home = new Option<string?>("--home") { Description = "The home folder (store, models, audit log, keys); default $RISKGRAPH_HOME or ./.riskgraph.", Recursive = true };
root.Add(home);

try
{
    // Errors a user can act on are printed as one line; RISKGRAPH_DEBUG=1 adds the stack trace.
    var parsed = root.Parse(args);
    if (parsed.GetValue(home) is { Length: > 0 } folder) Environment.SetEnvironmentVariable(RiskGraph.Model.RiskGraphHome.EnvironmentVariable, folder);
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    if (Environment.GetEnvironmentVariable("RISKGRAPH_DEBUG") == "1") Console.Error.WriteLine(e);
    return 1;
}
