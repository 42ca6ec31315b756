using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Serving;

/// <summary>Where catching up with the change feed left a served state.</summary>
/// <param name="NeedsRebuild">A change of structure (or a bulk import) was met: the state stops before it until a full rebuild.</param>
public sealed record CatchUpResult(ServedState State, bool NeedsRebuild, int ChangesApplied);

/// <summary>
/// Brings a served state level with the store's change feed: credit changes are read back by key and applied in
/// place, a batch at a time, until the feed is exhausted or a change needs a full rebuild. The one loop both the API
/// and the tests that compare it with a rebuild run.
/// </summary>
public static class FeedCatchUp
{
    public const int ChangesPerRead = 1_000;

    /// <param name="applied">Called after each applied batch with the states before and after and the enterprises whose warnings may differ.</param>
    public static async Task<CatchUpResult> RunAsync(
        ServedState state, IGraphStore store, Func<DateTimeOffset> now, int hubCap, Action<ServedState, ServedState, int[]>? applied,
        CancellationToken cancellationToken)
    {
        int total = 0;
        while (true)
        {
            var changes = await store.ReadChangesAsync(state.Sequence, ChangesPerRead, cancellationToken);
            if (changes.Count == 0) return new CatchUpResult(state, false, total);
            var credit = await CreditChangeReader.ReadAsync(store, changes, cancellationToken);
            if (credit is null) return new CatchUpResult(state, true, total);
            var before = state;
            state = state.WithCreditChanges(credit, new FeedPoint(changes[^1].Sequence, now()), hubCap, out int[] changedRows);
            applied?.Invoke(before, state, changedRows);
            total += changes.Count;
            if (changes.Count < ChangesPerRead) return new CatchUpResult(state, false, total);
        }
    }
}
