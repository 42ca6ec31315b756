using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Serving;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Training.Tests.Serving;

/// <summary>
/// The live service applies credit changes in place instead of rebuilding. After 1,000 random changes applied that
/// way, every enterprise's aggregates, class, feature row and score must equal a from-scratch rebuild of the store at
/// the same sequence, computed with the same whole-graph analytics (those are refreshed in the background, and a
/// refresh is a rebuild).
/// </summary>
public sealed class IncrementalServingTests
{
    [Fact]
    public async Task A_thousand_changes_applied_in_place_equal_a_rebuild_at_the_same_sequence()
    {
        using var trained = await TrainedHome.CreateAsync(enterprises: 1_500, seed: 23, new(Seed: 23, NumberOfTrees: 30));
        await using var store = new SqliteGraphStore(trained.Home.StorePath);
        var initial = await GraphSnapshotLoader.LoadAsync(store);
        var analytics = GraphAnalytics.Compute(initial);
        string version = new ModelRegistry(trained.Home).ActiveVersion()!;
        var model = WarningModel.Load(new ModelRegistry(trained.Home).FolderOf(version));
        var start = new FeedPoint(await store.LatestSequenceAsync(), DateTimeOffset.UnixEpoch);
        var state = new ServedState(initial, analytics, ScoredGraph.Build(initial, model, version, analytics), null, start, start);

        var writer = new RandomCreditChanges(store, initial, seed: 99);
        var random = new Random(5);
        int changes = 0, batches = 0, rowsRecomputed = 0;
        while (changes < 1_000)
        {
            changes += await writer.WriteBatchAsync(Math.Min(1 + random.Next(25), 1_000 - changes));
            var result = await FeedCatchUp.RunAsync(state, store, () => DateTimeOffset.UnixEpoch, new FeatureExtractorParameters().HubFanOutCap,
                (_, _, rows) => rowsRecomputed += rows.Length, CancellationToken.None);
            Assert.False(result.NeedsRebuild);
            state = result.State;
            batches++;
        }
        Assert.Equal(await store.LatestSequenceAsync(), state.Sequence);

        var rebuilt = await GraphSnapshotLoader.LoadAsync(store, initial.AsOf);
        var applied = state.Snapshot!;
        Assert.Equal(rebuilt.Classes.ToArray(), applied.Classes.ToArray());
        Assert.Equal(-1, rebuilt.Credit.FirstDifferenceFrom(applied.Credit));
        Assert.NotEqual(initial.Classes.ToArray(), applied.Classes.ToArray());

        var features = new FeatureExtractor(rebuilt, new FeatureExtractorParameters(), default, analytics).Compute();
        var served = state.Scored!;
        for (int e = 0; e < rebuilt.EnterpriseCount; e++)
            Assert.True(features.Row(e).SequenceEqual(served.Features.Row(e)), $"feature row of enterprise {e} differs from the rebuild");
        var (_, probability) = model.Score(features, ModelDataViews.AllRows(features));
        for (int e = 0; e < probability.Length; e++) Assert.Equal(probability[e], served.Probability[e], 1e-9);
        Assert.True(rowsRecomputed < batches * rebuilt.EnterpriseCount / 4, $"{rowsRecomputed} rows recomputed over {batches} batches: not incremental");
    }
}
