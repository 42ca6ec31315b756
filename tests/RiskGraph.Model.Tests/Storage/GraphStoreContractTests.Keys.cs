using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;
using static RiskGraph.Model.Tests.Storage.ContractData;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>Reading rows back by the keys the change feed names, and removing relations by key.</summary>
public abstract partial class GraphStoreContractTests
{
    protected async Task RowsReadBackByTheKeysTheChangeFeedNames()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);
        long before = await store.LatestSequenceAsync();
        await store.UpsertAsync<Penalty>([Penalties[0] with { Amount = 123 }, Penalties[1]]);
        await store.UpsertAsync<Shareholding>([Shareholdings[0]]);
        var changes = await store.ReadChangesAsync(before, 10);

        var penalties = await store.ReadByKeysAsync<Penalty>(changes[0].Keys!);
        var holdings = await store.ReadByKeysAsync<Shareholding>(changes[1].Keys!);

        Assert.Equal(
            new[] { Penalties[0] with { Amount = 123 }, Penalties[1] }.OrderBy(p => p.RecordId, StringComparer.Ordinal),
            penalties.OrderBy(p => p.RecordId, StringComparer.Ordinal));
        Assert.Equal([Shareholdings[0]], holdings);
        Assert.Empty(await store.ReadByKeysAsync<Penalty>(["NO-SUCH-RECORD"]));
    }

    protected async Task RelationsAreRemovedByKeyInOneTransactionWithWrites()
    {
        var store = await CreateEmptyStoreAsync();
        await UpsertAllAsync(store);
        long before = await store.LatestSequenceAsync();
        var link = SupplyLinks[0];
        var guarantee = Guarantees[0];

        await store.UpsertManyAsync([
            RowSet.Of<Guarantee>([guarantee with { Amount = 7 }]),
            RowSet.Removing<SupplyLink>([link with { AnnualAmount = 0 }, new SupplyLink(E6, E7, 0)]),
            RowSet.Removing<LegalRepresentative>([LegalRepresentatives[0]]),
        ]);

        var links = await StoreAssert.ReadAllAsync<SupplyLink>(store);
        Assert.DoesNotContain(links, l => l.SupplierUscc == link.SupplierUscc && l.BuyerUscc == link.BuyerUscc);
        Assert.Equal(SupplyLinks.Length - 1, links.Count);
        Assert.DoesNotContain(LegalRepresentatives[0], await StoreAssert.ReadAllAsync<LegalRepresentative>(store));
        Assert.Contains(guarantee with { Amount = 7 }, await StoreAssert.ReadAllAsync<Guarantee>(store));
        var changes = await store.ReadChangesAsync(before, 10);
        Assert.Equal(["Guarantee", "SupplyLink", "LegalRepresentative"], changes.Select(c => c.RecordType));
        await Assert.ThrowsAsync<NotSupportedException>(() => store.UpsertManyAsync([RowSet.Removing<Penalty>([Penalties[0]])]));
    }
}
