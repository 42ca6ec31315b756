using RiskGraph.Model.Credit;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Model.Serving;

/// <summary>A point in the change feed: its sequence number and when the state reached it.</summary>
public readonly record struct FeedPoint(long Sequence, DateTimeOffset At);

/// <summary>
/// Everything the service answers from, immutable: a request reads one reference and never sees a mix of two states.
/// <see cref="Data"/> is the change the records reflect (every write up to it is in every output);
/// <see cref="AnalyticsAsOf"/> is the change the whole-graph analytics (PageRank, communities, contagion, boundary
/// counts) were last computed at, which lags <see cref="Data"/> until the next background refresh.
/// </summary>
public sealed record ServedState(
    GraphSnapshot? Snapshot, GraphAnalytics? Analytics, ScoredGraph? Scored, string? Problem, FeedPoint Data, FeedPoint AnalyticsAsOf)
{
    public static ServedState Loading { get; } = new(null, null, null, "loading", default, default);

    public long Sequence => Data.Sequence;

    /// <summary>
    /// This state with credit rows written since applied in place: the ledger, aggregates and classes of the touched
    /// enterprises, then their own feature rows and scores and those of every enterprise whose neighbourhood reads a
    /// negative flag that turned (the one thing other rows read of them). Whole-graph
    /// analytics are kept. <paramref name="changedRows"/> gets the enterprises whose warnings may differ.
    /// </summary>
    public ServedState WithCreditChanges(CreditLedgerChanges changes, FeedPoint reached, int hubCap, out int[] changedRows)
    {
        if (Snapshot is null) throw new InvalidOperationException("No snapshot to apply changes to.");
        if (changes.IsEmpty)
        {
            changedRows = [];
            return this with { Data = reached };
        }
        var snapshot = Snapshot.WithCreditChanges(changes, out int[] touched);
        bool[] negativeBefore = Snapshot.Credit.Negative, negativeAfter = snapshot.Credit.Negative;
        changedRows = FeatureExtractor.RowsReading(snapshot.Graph, snapshot.EnterpriseCount, touched, hubCap, e => negativeBefore[e] != negativeAfter[e]);
        var scored = Scored?.WithChangedRows(snapshot, changedRows);
        return this with { Snapshot = snapshot, Scored = scored, Data = reached };
    }
}
