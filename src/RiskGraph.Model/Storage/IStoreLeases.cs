namespace RiskGraph.Model.Storage;

/// <summary>
/// Named leases kept in the store, so processes that share nothing but the store can elect one of them for a job
/// (the whole-graph analytics refresh). A lease is held by one holder until it expires; its holder renews it by
/// acquiring it again before then. Expiry is judged on the callers' clocks (UTC), which is why the time-to-live
/// should be many times any clock skew between hosts.
/// </summary>
public interface IStoreLeases
{
    /// <summary>
    /// Takes the lease when it is free, expired or already held by <paramref name="holder"/> (which renews it for
    /// <paramref name="timeToLive"/> from now); leaves it alone otherwise. The check and the write are one
    /// transaction, so of any number of concurrent callers at most one holds the lease. Returns the lease as it
    /// stands afterwards: compare <see cref="StoreLease.Holder"/> to know whether this caller holds it.
    /// </summary>
    Task<StoreLease> TryAcquireLeaseAsync(string name, string holder, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up at once when <paramref name="holder"/> holds it (a clean stop), so another need not wait for the expiry.</summary>
    Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default);
}

/// <summary>The state of one lease: who holds it and until when.</summary>
public sealed record StoreLease(string Name, string Holder, DateTimeOffset ExpiresAt)
{
    public bool IsHeldBy(string holder, DateTimeOffset now) => Holder == holder && ExpiresAt > now;
}
