using System.CommandLine;
using RiskGraph.Model;
using RiskGraph.Model.Backup;

namespace RiskGraph.Training.Commands;

/// <summary>
/// <c>backup --out FILE</c> and <c>restore FILE</c>: one archive of the home (embedded store, audit log, inspection
/// plans, person key, keys.txt, model registry), taken online while the API runs, and put back into an empty home.
/// </summary>
internal static class BackupCommand
{
    public static Command Backup()
    {
        var output = new Option<FileInfo>("--out") { Description = "The archive to write (a zip file), e.g. riskgraph-2026-12-01.zip.", Required = true };
        var store = StoreSelection.Option();
        var command = new Command("backup", "Take an online, consistent copy of the home into one archive while the API runs.") { output, store };
        command.SetAction(parse =>
        {
            var home = RiskGraphHome.FromEnvironment();
            string kind = Environment.GetEnvironmentVariable("RISKGRAPH_STORE") is { Length: > 0 } configured && parse.GetResult(store) is null
                ? configured.ToLowerInvariant() : parse.GetValue(store)!;
            if (kind is not ("embedded" or "neo4j")) throw new ArgumentException($"Unknown store '{kind}'; expected embedded or neo4j.");
            string archive = parse.GetValue(output)!.FullName;
            var manifest = HomeBackup.Create(home, archive, includeStore: kind == "embedded", new ConsoleProgress());
            long bytes = new FileInfo(archive).Length;
            Console.WriteLine($"backup of {home.Root}: {manifest.Files.Count} files, {bytes / 1024.0 / 1024.0:N1} MB, written to {archive}");
            foreach (string gap in manifest.NotCovered) Console.WriteLine($"  not covered: {gap}");
            return 0;
        });
        return command;
    }

    public static Command Restore()
    {
        var archive = new Argument<FileInfo>("FILE") { Description = "An archive written by backup." };
        var command = new Command("restore", "Restore an archive into an empty home ($RISKGRAPH_HOME or --home); a non-empty home is refused.") { archive };
        command.SetAction(parse =>
        {
            var home = RiskGraphHome.FromEnvironment();
            var manifest = HomeBackup.Restore(parse.GetValue(archive)!.FullName, home);
            Console.WriteLine($"restored {manifest.Files.Count} files taken {manifest.CreatedUtc:yyyy-MM-dd HH:mm:ss} UTC into {home.Root}; check the audit chain with 'audit verify'");
            foreach (string gap in manifest.NotCovered) Console.WriteLine($"  not covered: {gap}");
            return 0;
        });
        return command;
    }
}
