using RiskGraph.Model.Audit;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Audit;

public class AuditWriterTests
{
    [Fact]
    public async Task ConcurrentAppendsAreCommittedInGroups_AndEachCallerGetsItsOwnEntryBack()
    {
        using var temp = new TempFolder();
        var log = new SqliteAuditLog(temp.File("audit.db"));
        await using var writer = new AuditWriter(log, TimeSpan.FromMilliseconds(2), maxGroup: 64);

        var appends = Enumerable.Range(0, 500).Select(i => writer.AppendAsync(SqliteAuditLogTests.Entry("caller" + i, "S" + i))).ToArray();
        var stored = await Task.WhenAll(appends);

        for (int i = 0; i < stored.Length; i++) Assert.Equal("caller" + i, stored[i].Actor);
        Assert.Equal(500, stored.Select(e => e.Id).Distinct().Count());
        Assert.Equal(500, log.Read(new AuditQuery(null, null, null, null, 1, 1)).Total);
        Assert.True(log.Verify().Intact);
    }

    [Fact]
    public async Task DisposingDrainsTheQueue_SoANormalStopLosesNoEntry()
    {
        using var temp = new TempFolder();
        var log = new SqliteAuditLog(temp.File("audit.db"));
        var writer = new AuditWriter(log, TimeSpan.FromMilliseconds(50), maxGroup: 1000);
        var pending = Enumerable.Range(0, 300).Select(i => writer.AppendAsync(SqliteAuditLogTests.Entry("a", "S" + i))).ToArray();

        await writer.DisposeAsync();

        Assert.All(pending, p => Assert.True(p.IsCompletedSuccessfully));
        Assert.Equal(300, log.Read(new AuditQuery(null, null, null, null, 1, 1)).Total);
        Assert.Throws<ObjectDisposedException>(() => { _ = writer.AppendAsync(SqliteAuditLogTests.Entry("late", "X")); });
    }

    [Fact]
    public async Task WhenTheLogCannotBeWritten_EveryCallerOfTheGroupSeesTheError()
    {
        using var temp = new TempFolder();
        var log = new SqliteAuditLog(temp.File("audit.db"));
        await using var writer = new AuditWriter(log, TimeSpan.Zero, maxGroup: 16);
        SqliteAuditLogTests.Tamper(log.Path, "DROP TABLE audit_log;");

        await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(SqliteAuditLogTests.Entry("a", "X")));
    }

    [Fact]
    public async Task TheWalStartsOverOnceItIsLong_SoTheLogFileStaysBounded_WhileCommitsNeverCheckpointThemselves()
    {
        using var temp = new TempFolder();
        var log = new SqliteAuditLog(temp.File("audit.db"));
        const int restartFrames = 200;
        await using (var writer = new AuditWriter(log, TimeSpan.Zero, maxGroup: 4, restartFrames))
        {
            // About 6,000 groups of one or a few entries, each a few WAL pages: without the restart the WAL would reach
            // tens of thousands of pages, since the appender's commits never checkpoint.
            for (int round = 0; round < 60; round++)
            {
                await Task.WhenAll(Enumerable.Range(0, 100).Select(i => writer.AppendAsync(SqliteAuditLogTests.Entry("a", $"S{round}-{i}"))));
                await Task.Delay(5);
            }
            long walPages = new FileInfo(log.Path + "-wal").Length / 4096;
            Assert.True(walPages < 8 * restartFrames, $"the WAL grew to {walPages} pages");
        }
        Assert.Equal(6_000, log.Read(new AuditQuery(null, null, null, null, 1, 1)).Total);
        Assert.True(log.Verify().Intact);
    }
}
