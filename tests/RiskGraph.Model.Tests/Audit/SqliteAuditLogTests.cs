using Microsoft.Data.Sqlite;
using RiskGraph.Model.Audit;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Audit;

public class SqliteAuditLogTests
{
    [Fact]
    public void EntriesReadBackNewestFirst_AndTheDatabaseRefusesToRewriteThem()
    {
        using var temp = new TempFolder();
        var log = new SqliteAuditLog(temp.File("audit.db"));
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        log.Append(new AuditEntry(0, at, "alice", "loan review", "GET", "/api/enterprises/X/warning", "X", 200, "warning score 0.1"));
        log.Append(new AuditEntry(0, at.AddMinutes(1), "bob", "bidding", "POST", "/api/checks", "Y", 200, "class good"));

        var entries = log.Read(null, 10);
        Assert.Equal(["bob", "alice"], entries.Select(e => e.Requester));
        Assert.Equal(at, entries[1].At);
        Assert.Single(log.Read("X", 10));

        var refused = Assert.Throws<SqliteException>(log.TryDeleteAll);
        Assert.Contains("append-only", refused.Message);
        Assert.Equal(2, log.Read(null, 10).Count);
    }
}
