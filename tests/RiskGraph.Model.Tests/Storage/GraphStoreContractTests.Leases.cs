using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>Leases kept in the store: one holder at a time, renewed by its holder, free again once expired or released.</summary>
public abstract partial class GraphStoreContractTests
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromMilliseconds(600);

    protected async Task ALeaseHasOneHolder_IsRenewedByIt_AndIsTakenOverOnceExpiredOrReleased()
    {
        var leases = (IStoreLeases)await CreateEmptyStoreAsync();
        var taken = await leases.TryAcquireLeaseAsync("refresh", "a", TimeSpan.FromMinutes(5));
        Assert.Equal("a", taken.Holder);

        // Held and valid: another holder is refused and told who holds it.
        var refused = await leases.TryAcquireLeaseAsync("refresh", "b", TimeSpan.FromMinutes(5));
        Assert.Equal(taken, refused);
        var renewed = await leases.TryAcquireLeaseAsync("refresh", "a", TimeSpan.FromMinutes(10));
        Assert.Equal("a", renewed.Holder);
        Assert.True(renewed.ExpiresAt > taken.ExpiresAt);
        // Leases are independent by name.
        Assert.Equal("b", (await leases.TryAcquireLeaseAsync("other", "b", TimeSpan.FromMinutes(5))).Holder);

        // Released by its holder only: a release by another changes nothing, the holder's frees it at once.
        await leases.ReleaseLeaseAsync("refresh", "b");
        Assert.Equal("a", (await leases.TryAcquireLeaseAsync("refresh", "b", TimeSpan.FromMinutes(5))).Holder);
        await leases.ReleaseLeaseAsync("refresh", "a");
        Assert.Equal("b", (await leases.TryAcquireLeaseAsync("refresh", "b", ShortLease)).Holder);

        // Not renewed: once it has expired, another takes it over.
        await Task.Delay(ShortLease * 2);
        var takenOver = await leases.TryAcquireLeaseAsync("refresh", "c", TimeSpan.FromMinutes(5));
        Assert.Equal("c", takenOver.Holder);
        Assert.True(takenOver.IsHeldBy("c", DateTimeOffset.UtcNow));
        Assert.False(takenOver.IsHeldBy("b", DateTimeOffset.UtcNow));
    }

    protected async Task ConcurrentAcquisitionsOfAFreeLease_ElectExactlyOneHolder()
    {
        var leases = (IStoreLeases)await CreateEmptyStoreAsync();
        var attempts = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            Task.Run(() => TryUntilAnsweredAsync(leases, $"holder-{i}"))));
        // Every caller sees the same single winner, and the winner is one of them.
        string winner = attempts[0].Holder;
        Assert.All(attempts, lease => Assert.Equal(winner, lease.Holder));
        Assert.Contains(winner, Enumerable.Range(0, Parallel).Select(i => $"holder-{i}"));
    }

    // A busy embedded store may refuse an attempt (StoreUnavailableException); the keeper would simply try again.
    private static async Task<StoreLease> TryUntilAnsweredAsync(IStoreLeases leases, string holder)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await leases.TryAcquireLeaseAsync("refresh", holder, TimeSpan.FromMinutes(5));
            }
            catch (StoreUnavailableException) when (attempt < 20)
            {
                await Task.Delay(50);
            }
        }
    }
}
