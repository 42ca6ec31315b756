using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;
using static RiskGraph.Model.Tests.Storage.ContractData;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>The change feed every store keeps: what the contract suites of both stores run.</summary>
internal static class ChangeFeedContract
{
    public static async Task EveryWriteIsNumberedInOrder_WithItsKeys(IGraphStore store)
    {
        long start = await store.LatestSequenceAsync();
        long first = await store.UpsertAsync(Enterprises);
        long second = await store.UpsertAsync(Penalties);
        long none = await store.UpsertAsync(Array.Empty<Penalty>());

        Assert.Equal(start + 1, first);
        Assert.Equal(first + 1, second);
        Assert.Equal(second, none);
        Assert.Equal(second, await store.LatestSequenceAsync());
        var changes = await store.ReadChangesAsync(start, 10);
        Assert.Equal([first, second], changes.Select(c => c.Sequence));
        Assert.Equal(nameof(Enterprise), changes[0].RecordType);
        Assert.Equal(Enterprises.Length, changes[0].Rows);
        Assert.Equal(Enterprises.Select(e => e.Uscc).Order(), changes[0].Keys!.Order());
        Assert.Equal(Penalties.Select(p => p.RecordId).Order(), changes[1].Keys!.Order());
        Assert.Single(await store.ReadChangesAsync(first, 10));
        Assert.Empty(await store.ReadChangesAsync(second, 10));
    }

    public static async Task ConcurrentWritersGetDistinctSequences(IGraphStore store)
    {
        long start = await store.LatestSequenceAsync();
        await store.UpsertAsync(Enterprises);
        var sequences = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.UpsertAsync([Penalties[i % Penalties.Length]])));

        Assert.Equal(8, sequences.Distinct().Count());
        Assert.Equal(start + 9, await store.LatestSequenceAsync());
        Assert.Equal(Enumerable.Range(1, 9).Select(i => start + i), (await store.ReadChangesAsync(start, 100)).Select(c => c.Sequence));
    }

    public static async Task SeveralTypesInOneWrite_AreAllStored_WithOneSequencePerType(IGraphStore store)
    {
        await store.UpsertAsync(Enterprises);
        long start = await store.LatestSequenceAsync();

        long last = await store.UpsertManyAsync([RowSet.Of(Penalties), RowSet.Of(Array.Empty<ListEntry>()), RowSet.Of(Commitments)]);

        Assert.Equal(start + 2, last);
        Assert.Equal(Penalties.Length, await store.CountAsync<Penalty>());
        Assert.Equal(Commitments.Length, await store.CountAsync<Commitment>());
        Assert.Equal([nameof(Penalty), nameof(Commitment)], (await store.ReadChangesAsync(start, 10)).Select(c => c.RecordType));
        Assert.Equal(last, await store.UpsertManyAsync([RowSet.Of(Array.Empty<Penalty>())]));
    }
}
