using Microsoft.Data.Sqlite;
using RiskGraph.Model.Audit;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Audit;

public class SqliteAuditLogTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    internal static AuditEntry Entry(string actor, string subject, int minutes = 0, string action = "read") =>
        new(0, At.AddMinutes(minutes), actor, "dept-" + actor, "analyst", "supervision", action, "GET",
            $"/api/enterprises/{subject}/warning", subject, 200, "warning score 0.1");

    [Fact]
    public void EntriesReadBackNewestFirst_FilteredAndPaged_AndTheDatabaseRefusesToRewriteThem()
    {
        using var temp = new TempFolder();
        var log = new SqliteAuditLog(temp.File("audit.db"));
        log.Append(Entry("alice", "X"));
        log.AppendGroup([Entry("bob", "Y", 1), Entry("carol", "X", 2)]);

        var page = log.Read(new AuditQuery(null, null, null, null, 1, 10));
        Assert.Equal(["carol", "bob", "alice"], page.Entries.Select(e => e.Actor));
        Assert.Equal(3, page.Total);
        Assert.Equal([3L, 2L, 1L], page.Entries.Select(e => e.Id));
        Assert.Equal(At, page.Entries[2].At);
        Assert.Equal(2, log.Read(new AuditQuery(null, null, null, "X", 1, 10)).Total);
        Assert.Equal(["bob"], log.Read(new AuditQuery(At.AddMinutes(1), At.AddMinutes(2), null, null, 1, 10)).Entries.Select(e => e.Actor));
        Assert.Equal(["alice"], log.Read(new AuditQuery(null, null, "alice", null, 1, 10)).Entries.Select(e => e.Actor));
        Assert.Equal(["alice"], log.Read(new AuditQuery(null, null, null, null, 2, 2)).Entries.Select(e => e.Actor));

        log.Append(Entry("dave", AuditEntry.BatchPrefix + "W,X,Z", 3));
        Assert.Equal(3, log.Read(new AuditQuery(null, null, null, "X", 1, 10)).Total);
        Assert.Equal(1, log.Read(new AuditQuery(null, null, null, "W", 1, 10)).Total);

        var refused = Assert.Throws<SqliteException>(log.TryDeleteAll);
        Assert.Contains("append-only", refused.Message);
        Assert.Equal(4, log.Read(new AuditQuery(null, null, null, null, 1, 10)).Total);
    }

    [Fact]
    public void TheChainLinksEveryEntryToThePreviousOne()
    {
        using var temp = new TempFolder();
        var log = new SqliteAuditLog(temp.File("audit.db"));
        log.AppendGroup([Entry("alice", "X"), Entry("bob", "Y", 1)]);
        log.Append(Entry("carol", "Z", 2));

        var entries = log.Read(new AuditQuery(null, null, null, null, 1, 10)).Entries.Reverse().ToArray();
        Assert.Equal(AuditChain.Genesis, entries[0].PrevHash);
        Assert.Equal(entries[0].Hash, entries[1].PrevHash);
        Assert.Equal(entries[1].Hash, entries[2].PrevHash);
        Assert.Equal(AuditChain.HashOf(entries[2], entries[1].Hash), entries[2].Hash);
        var verified = log.Verify();
        Assert.True(verified.Intact);
        Assert.Equal(3, verified.Checked);
    }

    [Fact]
    public void AnEntryEditedDirectlyInSqlite_AroundTheTriggers_IsNamedByVerify()
    {
        using var temp = new TempFolder();
        var log = new SqliteAuditLog(temp.File("audit.db"));
        for (int i = 0; i < 5; i++) log.Append(Entry("alice", "S" + i, i));

        // A tamperer with file access drops the trigger and rewrites who asked entry 3.
        Tamper(log.Path, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE id = 3;");

        var result = log.Verify();
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenId);
        Assert.Contains("changed", result.Problem);
    }

    [Fact]
    public void ADeletedEntryInTheMiddle_IsNamedByVerify()
    {
        using var temp = new TempFolder();
        var log = new SqliteAuditLog(temp.File("audit.db"));
        for (int i = 0; i < 4; i++) log.Append(Entry("alice", "S" + i, i));

        Tamper(log.Path, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2;");

        var result = log.Verify();
        Assert.Equal(3, result.FirstBrokenId);
        Assert.Contains("missing", result.Problem);
    }

    [Fact]
    public void OversizedFieldsAreCut_SoARejectedHugeRequestWritesOneShortRow()
    {
        using var temp = new TempFolder();
        var log = new SqliteAuditLog(temp.File("audit.db"));
        log.Append(Entry("alice", new string('9', 10_000_000)) with { Returned = new string('x', 5_000_000) });

        var stored = log.Read(new AuditQuery(null, null, null, null, 1, 1)).Entries.Single();
        Assert.Equal(AuditEntry.MaxSubjectLength, stored.Subject.Length);
        Assert.Equal(AuditEntry.MaxFieldLength, stored.Returned.Length);
        Assert.True(new FileInfo(log.Path).Length + new FileInfo(log.Path + "-wal").Length < 200_000);
        Assert.True(log.Verify().Intact);
    }

    [Fact]
    public void ALogFromAnEarlierRelease_LosesItsSubjectIndexOnOpen_AndSubjectQueriesStillFindBatches()
    {
        using var temp = new TempFolder();
        string path = temp.File("audit.db");
        new SqliteAuditLog(path).AppendGroup([Entry("alice", "X"), Entry("bob", AuditEntry.BatchPrefix + "W,X", 1)]);
        Tamper(path, "CREATE INDEX audit_log_subject ON audit_log (subject)");

        var reopened = new SqliteAuditLog(path);
        reopened.Append(Entry("carol", "X", 2));

        Assert.DoesNotContain("audit_log_subject", Indexes(path));
        Assert.Contains("audit_log_actor", Indexes(path));
        Assert.Equal(["carol", "bob", "alice"], reopened.Read(new AuditQuery(null, null, null, "X", 1, 10)).Entries.Select(e => e.Actor));
        Assert.True(reopened.Verify().Intact);
    }

    private static List<string> Indexes(string path)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    internal static void Tamper(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Unpooled, so the file is released when the test is done with it.
    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
