using System.CommandLine;
using System.Text.Json;
using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Training.Bench;

namespace RiskGraph.Training.Commands;

/// <summary><c>bench --enterprises N --seed S [--concurrency N] [--json FILE]</c>: generate, load, run every algorithm, features and scoring once, print a table.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var enterprises = new Option<int>("--enterprises") { Description = "Enterprises in the generated graph.", DefaultValueFactory = _ => 100_000 }.AtLeast(1);
        var seed = new Option<int>("--seed") { Description = "Seed for data, training and sampling.", DefaultValueFactory = _ => 42 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures as one JSON object to this file." };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Threads for every algorithm (default: one per processor).", DefaultValueFactory = _ => AnalyticsConcurrency.ProcessorDefault,
        }.AtLeast(1, 1024);
        var command = new Command("bench", "Measure graph algorithms, features and scoring on a generated graph (use -c Release).") { enterprises, seed, json, concurrency };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var report = await GraphBench.RunAsync(
                parse.GetValue(enterprises), parse.GetValue(seed), new ConsoleProgress(), parse.GetValue(concurrency), cancellationToken);
            var figures = JsonSerializer.SerializeToElement(report);
            Console.WriteLine();
            foreach (var property in figures.EnumerateObject())
                Console.WriteLine($"{property.Name,-42} {Format(property.Value)}");
            if (parse.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
                Console.WriteLine($"written to {file.FullName}");
            }
            return 0;
        });
        return command;
    }

    private static string Format(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) ? number.ToString("#,0.###") : value.ToString();
}
