using System.CommandLine;
using RiskGraph.Model;
using RiskGraph.Model.Audit;

namespace RiskGraph.Training.Commands;

/// <summary><c>audit verify</c>: recomputes the audit log's hash chain and names the first entry that does not hold.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Work with the audit log (the registered queries and writes).");
        var file = new Option<FileInfo?>("--file") { Description = "The audit database (default: $RISKGRAPH_HOME/audit.db)." };
        var verify = new Command("verify", "Recompute the hash chain; exit 1 and name the first broken entry if it does not hold.") { file };
        verify.SetAction(parse =>
        {
            string path = parse.GetValue(file)?.FullName ?? RiskGraphHome.FromEnvironment().AuditPath;
            if (!File.Exists(path)) throw new FileNotFoundException($"no audit log at {path}");
            var result = new SqliteAuditLog(path).Verify();
            if (result.Intact)
            {
                Console.WriteLine($"audit log intact: {result.Checked:N0} entries, chain verified ({path})");
                return 0;
            }
            Console.Error.WriteLine($"error: audit log broken at entry {result.FirstBrokenId}: {result.Problem} ({path})");
            return 1;
        });
        audit.Add(verify);
        return audit;
    }
}
