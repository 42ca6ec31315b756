using RiskGraph.Model.Scoring;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Training.Pipelines;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Training.Tests.Pipelines;

public class RetrainRunTests
{
    [Fact]
    public async Task AnEquallyGoodCandidate_IsPromoted_AndAMuchWorseOne_IsRegisteredButRefused()
    {
        using var trained = await TrainedHome.CreateAsync(enterprises: 3_000, seed: 9);
        await using var store = new SqliteGraphStore(trained.Home.StorePath);
        var registry = new ModelRegistry(trained.Home);

        var same = await RetrainRun.RunAsync(trained.Home, store, new WarningTrainerOptions(Seed: 9, NumberOfTrees: 60), folds: 3);
        Assert.True(same.Promoted, same.Reason);
        Assert.Equal("v002", registry.ActiveVersion());
        Assert.Equal("v001", same.ActiveVersion);
        Assert.Equal(3, same.CandidateFoldAuc.Length);
        Assert.True(same.SharedHoldoutRows > 0);

        // One stump cannot rank: far below the active model on every fold.
        var worse = await RetrainRun.RunAsync(trained.Home, store, new WarningTrainerOptions(Seed: 9, NumberOfTrees: 1, NumberOfLeaves: 2), folds: 3);
        Assert.False(worse.Promoted, worse.Reason);
        Assert.Equal("v003", worse.CandidateVersion);
        Assert.Equal("v002", registry.ActiveVersion());
        Assert.True(worse.MeanDifference < -worse.Spread);
    }
}
