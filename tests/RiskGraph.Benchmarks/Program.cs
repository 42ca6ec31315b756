using System.Globalization;
using BenchmarkDotNet.Running;
using RiskGraph.Benchmarks;

// Invariant culture so numbers in reports read the same on every machine.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// e.g. dotnet run -c Release --project tests/RiskGraph.Benchmarks -- --filter *PageRank*
BenchmarkSwitcher.FromAssembly(typeof(RecommendedConfig).Assembly).Run(args, new RecommendedConfig());
