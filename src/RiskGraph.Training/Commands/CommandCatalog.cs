using System.CommandLine;

namespace RiskGraph.Training.Commands;

/// <summary>Every verb of the CLI, in the order the help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return GenerateCommand.Create();
        yield return ImportCommand.Create();
        yield return TrainCommand.Create();
        yield return RetrainCommand.Create();
        yield return ExportGenericCommand.Create();
        yield return EvaluateCommand.Create();
        yield return BenchCommand.Create();
        yield return KeysCommand.Create();
        yield return AuditCommand.Create();
        yield return BackupCommand.Backup();
        yield return BackupCommand.Restore();
    }
}
