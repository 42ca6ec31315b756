using System.CommandLine;
using RiskGraph.Training.Commands;

// The RiskGraph command line: data generation, import, training, evaluation and benchmarks.
var root = new RootCommand("RiskGraph: synthetic data, import, training, evaluation and benchmarks for the enterprise-risk graph.");
foreach (var command in CommandCatalog.All())
{
    root.Add(command);
}

try
{
    // Errors a user can act on are printed as one line; RISKGRAPH_DEBUG=1 adds the stack trace.
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    if (Environment.GetEnvironmentVariable("RISKGRAPH_DEBUG") == "1") Console.Error.WriteLine(e);
    return 1;
}
