using System.Diagnostics;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Generates the synthetic enterprise graph described in data/synthetic/README.md.
/// <para>
/// Phases, each with its own random stream derived from the seed: holding-group layout → enterprise attributes →
/// hidden own risk and status → persons, officers and shareholdings → supply chains → guarantees →
/// penalties and list entries (drawn from own risk) → contagion over the relations and labels → CSV files.
/// </para>
/// Everything is kept in arrays over dense ids and written by streaming, so a million enterprises fit in a few
/// hundred megabytes. No hash-set or dictionary order influences the output, so the same seed gives the same bytes.
/// </summary>
public static class SyntheticGraphGenerator
{
    public static SyntheticSummary Generate(SyntheticOptions options, string outDir, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Directory.CreateDirectory(outDir);
        var clock = Stopwatch.StartNew();
        int seed = options.Seed;
        var world = new SyntheticWorld(options);

        HoldingGroups.Build(world, SeedStreams.Create(seed, RandomStream.Layout));
        var attributes = SeedStreams.Create(seed, RandomStream.Attributes);
        var registration = new RegistrationNumbers(attributes);
        EnterpriseAttributes.Assign(world, registration, attributes);
        LatentRisk.Assign(world, SeedStreams.Create(seed, RandomStream.Risk));
        Report(progress, clock, $"{world.Count:N0} enterprises, {world.Groups.Count:N0} holding groups");

        Ownership.Build(world, SeedStreams.Create(seed, RandomStream.People));
        Report(progress, clock,
            $"{world.PersonCount:N0} persons, {world.Executives.Count:N0} executive seats, {world.Shareholdings.Count:N0} shareholdings");

        SupplyChains.Build(world, SeedStreams.Create(seed, RandomStream.Supply));
        Guarantees.Build(world, SeedStreams.Create(seed, RandomStream.Guarantees));
        Report(progress, clock, $"{world.SupplyLinks.Count:N0} supply links, {world.Guarantees.Count:N0} guarantees");

        CreditRecords.Build(world, SeedStreams.Create(seed, RandomStream.Records));
        Severity.Compute(world);
        RiskSpread.AssignLabels(world, SeedStreams.Create(seed, RandomStream.Labels));
        Report(progress, clock, $"{world.Penalties.Count:N0} penalties, {world.ListEntries.Count:N0} list entries, labels drawn");

        var summary = SyntheticCsvWriter.Write(world, registration, outDir, SeedStreams.Create(seed, RandomStream.Names), progress) with
        {
            Commitments = Commitments.Write(world, outDir, SeedStreams.Create(seed, RandomStream.Commitments)),
        };
        Report(progress, clock, $"done: label rate {summary.LabelRate:P2}");
        return summary;
    }

    private static void Report(IProgress<string>? progress, Stopwatch clock, string message) =>
        progress?.Report($"[{clock.Elapsed.TotalSeconds,6:F1} s] {message}");
}
