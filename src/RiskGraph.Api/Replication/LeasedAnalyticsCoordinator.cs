using Microsoft.Extensions.Options;
using RiskGraph.Model;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Replication;

/// <summary>
/// One refresher among the replicas: the holder of the store lease <see cref="LeaseName"/> computes a snapshot's
/// analytics and publishes them in the shared registry under the snapshot's fingerprint; every other replica waits for
/// that file and loads it. A replica that finds the lease free (its holder died: no renewal within the time-to-live)
/// takes it over and computes. One that waits past WaitForPublishedSeconds, or sees the holder publish another
/// snapshot (it read the store at another moment), computes for itself rather than serve nothing new.
/// </summary>
public sealed class LeasedAnalyticsCoordinator(
    ReplicaIdentity replica, IStoreLeases leases, RiskGraphHome home, IOptions<ReplicationOptions> options, ILogger<LeasedAnalyticsCoordinator> logger)
    : IAnalyticsCoordinator, IAsyncDisposable
{
    public const string LeaseName = "analytics-refresh";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private volatile AnalyticsProvenance? _last;
    private volatile StoreLease? _lease;
    private readonly CancellationTokenSource _stopRenewing = new();
    private Task? _renewing;

    public AnalyticsProvenance? Last => _last;

    /// <summary>Whether this replica held the lease at its last acquisition or renewal.</summary>
    public bool IsHolder => _lease is { } lease && lease.IsHeldBy(replica.Id, DateTimeOffset.UtcNow);

    /// <summary>The lease as last seen: who holds it (this replica or another) and until when.</summary>
    public StoreLease? Lease => _lease;

    private TimeSpan TimeToLive => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    /// <summary>Takes or renews the lease; an unreachable store leaves the last known state (a holder's lease then lapses by itself).</summary>
    public async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            _lease = await leases.TryAcquireLeaseAsync(LeaseName, replica.Id, TimeToLive, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("The analytics lease could not be renewed: {Message}", e.Message);
        }
        return IsHolder;
    }

    /// <summary>
    /// Starts renewing the lease every third of its time-to-live, once: from the first acquisition attempt on, so a
    /// holder busy computing its first analytics (before the hosts' other services start) keeps it.
    /// </summary>
    public void StartRenewing()
    {
        lock (_stopRenewing)
        {
            _renewing ??= Task.Run(() => RenewLoopAsync(_stopRenewing.Token));
        }
    }

    /// <summary>Stops renewing and gives the lease up when held (a clean stop), so another replica takes over at once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopRenewing.CancelAsync();
        if (_renewing is { } renewing) await renewing;
        if (IsHolder) await leases.ReleaseLeaseAsync(LeaseName, replica.Id, cancellationToken);
        _lease = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopRenewing.CancelAsync();
        if (_renewing is { } renewing) await renewing;
        _stopRenewing.Dispose();
    }

    private async Task RenewLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeToLive / 3);
        bool held = IsHolder;
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    bool now = await RenewAsync(stopping);
                    if (now != held) logger.LogInformation(now ? "This replica holds the analytics lease" : "The analytics lease is held by {Holder}", _lease?.Holder);
                    held = now;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Renewing the analytics lease failed: {Message}", e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async Task<GraphAnalytics> ObtainAsync(GraphSnapshot snapshot, GraphAnalyticsParameters parameters, CancellationToken cancellationToken)
    {
        StartRenewing();
        string fingerprint = AnalyticsSnapshotFile.Fingerprint(snapshot, parameters);
        string path = Path.Combine(home.AnalyticsPath, fingerprint + AnalyticsSnapshotFile.Extension);
        var waitingSince = DateTimeOffset.UtcNow;
        var deadline = waitingSince.AddSeconds(options.Value.WaitForPublishedSeconds);
        while (true)
        {
            if (TryLoad(path, fingerprint) is { } loaded) return loaded;
            if (await RenewAsync(cancellationToken)) return Compute(snapshot, parameters, fingerprint, path, publish: true, cancellationToken);
            if (DateTimeOffset.UtcNow > deadline || PublishedOtherSince(waitingSince, fingerprint))
            {
                logger.LogWarning("No analytics published for snapshot {Fingerprint} by holder {Holder}; computing them here", fingerprint[..12], _lease?.Holder);
                return Compute(snapshot, parameters, fingerprint, path, publish: false, cancellationToken);
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private GraphAnalytics Compute(
        GraphSnapshot snapshot, GraphAnalyticsParameters parameters, string fingerprint, string path, bool publish, CancellationToken cancellationToken)
    {
        var analytics = GraphAnalytics.Compute(snapshot, parameters, cancellationToken);
        var at = DateTimeOffset.UtcNow;
        if (publish)
        {
            try
            {
                AnalyticsSnapshotFile.Write(path, fingerprint, replica.Id, at, analytics);
                Prune();
                logger.LogInformation("Published analytics of snapshot {Fingerprint} as lease holder", fingerprint[..12]);
            }
            catch (IOException e)
            {
                // The others then compute for themselves after their wait; this replica serves what it computed.
                logger.LogError(e, "Could not publish the analytics snapshot to {Path}", path);
            }
        }
        _last = new AnalyticsProvenance("computed", replica.Id, at, fingerprint);
        return analytics;
    }

    private GraphAnalytics? TryLoad(string path, string fingerprint)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var (header, analytics) = AnalyticsSnapshotFile.Read(path);
            if (header.Fingerprint != fingerprint) return null;
            _last = new AnalyticsProvenance("loaded", header.Holder, header.ComputedAt, fingerprint);
            return analytics;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not read the published analytics {Path}: {Message}", path, e.Message);
            return null;
        }
    }

    // The holder published a different snapshot after this replica began waiting: it will not publish this one.
    private bool PublishedOtherSince(DateTimeOffset since, string fingerprint)
    {
        foreach (var file in Published())
        {
            if (file.LastWriteTimeUtc < since.UtcDateTime || file.Name.StartsWith(fingerprint, StringComparison.Ordinal)) continue;
            return true;
        }
        return false;
    }

    private void Prune()
    {
        var files = Published().OrderByDescending(f => f.LastWriteTimeUtc).ToArray();
        for (int i = options.Value.KeepSnapshots; i < files.Length; i++)
        {
            try
            {
                files[i].Delete();
            }
            catch (IOException)
            {
                // A replica may be reading it; the next publication deletes it.
            }
        }
    }

    private FileInfo[] Published() =>
        Directory.Exists(home.AnalyticsPath) ? new DirectoryInfo(home.AnalyticsPath).GetFiles("*" + AnalyticsSnapshotFile.Extension) : [];
}
