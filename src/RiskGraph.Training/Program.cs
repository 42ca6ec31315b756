using System.CommandLine;
using RiskGraph.Training.Commands;

// The RiskGraph command line: data generation, import, training and benchmarks.
var root = new RootCommand("RiskGraph: synthetic data, import, training and benchmarks for the enterprise-risk graph.");
foreach (var command in CommandCatalog.All())
{
    root.Add(command);
}
return await root.Parse(args).InvokeAsync();
