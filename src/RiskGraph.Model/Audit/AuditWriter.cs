using System.Diagnostics;
using System.Threading.Channels;
using RiskGraph.Model.Diagnostics;

namespace RiskGraph.Model.Audit;

/// <summary>
/// The one writer of the audit log in a process: entries queue here and are committed in groups — all that arrived
/// within <see cref="Window"/> of the first, or <see cref="MaxGroup"/> of them, whichever comes first. A caller awaits
/// its entry's commit without holding a thread; when a group cannot be committed every caller in it sees the error,
/// so nothing is answered that was not registered. Disposing drains the queue: a normal stop loses no entry.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable
{
    private readonly SqliteAuditLog _log;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly Task _checkpoints;
    private readonly CancellationTokenSource _stopping = new();
    // Set by the checkpoint loop when the WAL is long; the writer then checkpoints itself after its next commit.
    private volatile bool _restartWanted;
    // Counted here: a single-reader unbounded channel cannot count its items.
    private int _depth;

    /// <param name="restartFrames">WAL pages after which the writer lets the WAL start over (see <see cref="DefaultRestartFrames"/>).</param>
    public AuditWriter(SqliteAuditLog log, TimeSpan window, int maxGroup, int restartFrames = DefaultRestartFrames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroup, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(restartFrames, 1);
        _log = log;
        Window = window;
        MaxGroup = maxGroup;
        RestartFrames = restartFrames;
        _loop = Task.Run(RunAsync);
        _checkpoints = Task.Run(CheckpointAsync);
    }

    /// <summary>How often the WAL is copied back into the log file, away from the commits (see <see cref="SqliteAuditLog.Checkpoint"/>).</summary>
    public static TimeSpan CheckpointInterval { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// WAL frames (pages) after which the writer checkpoints on its own connection so the WAL starts over: about 32 MB,
    /// a pause of a few milliseconds every second or two at full load instead of every 1,000 pages.
    /// </summary>
    public const int DefaultRestartFrames = 8_192;

    public int RestartFrames { get; }

    public TimeSpan Window { get; }

    public int MaxGroup { get; }

    public SqliteAuditLog Log => _log;

    /// <summary>Entries waiting to be committed (a metric: a queue that grows means the log cannot keep up).</summary>
    public int QueueDepth => Volatile.Read(ref _depth);

    /// <summary>Completes once the entry is committed, with the entry as stored (id and hash set).</summary>
    public Task<AuditEntry> AppendAsync(AuditEntry entry)
    {
        var pending = new Pending(entry, new TaskCompletionSource<AuditEntry>(TaskCreationOptions.RunContinuationsAsynchronously), Stopwatch.GetTimestamp());
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(AuditWriter), "The audit writer has stopped.");
        Interlocked.Increment(ref _depth);
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await _stopping.CancelAsync();
        await _checkpoints;
        _stopping.Dispose();
    }

    private async Task CheckpointAsync()
    {
        using var timer = new PeriodicTimer(CheckpointInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    if (_log.Checkpoint() > RestartFrames) _restartWanted = true;
                }
                catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
                {
                    // A checkpoint that fails (the file busy or gone) leaves the frames in the WAL, where they are safe;
                    // the next tick tries again, and the writer reports a log that cannot be written.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last connection to close checkpoints what is left.
        }
    }

    private async Task RunAsync()
    {
        // One connection for the writer's life; reopened after a failure, so a log that comes back is written again.
        AuditAppender? appender = null;
        var group = new List<Pending>(MaxGroup);
        var entries = new List<AuditEntry>(MaxGroup);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && reader.TryRead(out var next)) group.Add(next);
            await WaitForMoreAsync(group, reader);
            entries.Clear();
            foreach (var pending in group) entries.Add(pending.Entry);
            Interlocked.Add(ref _depth, -group.Count);
            try
            {
                long started = Stopwatch.GetTimestamp();
                appender ??= _log.OpenAppender();
                var committed = appender.AppendGroup(entries);
                RiskGraphMetrics.AuditCommitDuration.Record(RiskGraphMetrics.SecondsSince(started));
                RiskGraphMetrics.AuditEntries.Add(committed.Count);
                for (int i = 0; i < group.Count; i++) group[i].Done.TrySetResult(committed[i]);
                if (_restartWanted)
                {
                    _restartWanted = false;
                    appender.Checkpoint();
                }
            }
            catch (Exception e)
            {
                appender?.Dispose();
                appender = null;
                foreach (var pending in group) pending.Done.TrySetException(new AuditUnavailableException(e));
            }
        }
        appender?.Dispose();
    }

    // Under load the queue fills while the previous group commits, so this rarely waits; at low load it trades at most
    // one window of latency for fewer commits.
    private async Task WaitForMoreAsync(List<Pending> group, ChannelReader<Pending> reader)
    {
        if (Window <= TimeSpan.Zero) return;
        while (group.Count < MaxGroup)
        {
            var remaining = Window - Stopwatch.GetElapsedTime(group[0].QueuedAt);
            if (remaining <= TimeSpan.Zero) return;
            using var timeout = new CancellationTokenSource(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token)) return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            while (group.Count < MaxGroup && reader.TryRead(out var next)) group.Add(next);
        }
    }

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource<AuditEntry> Done, long QueuedAt);
}

/// <summary>The audit log could not be written, so the request it registers must not be answered.</summary>
public sealed class AuditUnavailableException(Exception inner) : Exception("The audit log could not be written: " + inner.Message, inner);
