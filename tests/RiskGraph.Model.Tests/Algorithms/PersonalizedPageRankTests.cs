using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

public class PersonalizedPageRankTests
{
    private static CsrGraph Path3()
    {
        var builder = new CsrGraphBuilder(3);
        builder.Add(0, 1, RelationType.Guarantees, 1);
        builder.Add(1, 2, RelationType.Guarantees, 1);
        return builder.Build();
    }

    private static readonly PersonalizedPageRankParameters Exact = new(MaxIterations: 500, Tolerance: 1e-15);

    [Fact]
    public void PathSeededAtOneEnd_MatchesTheHandSolution()
    {
        // Path 0 - 1 - 2, walks restart at 0. Degrees 1, 2, 1.
        // x0 = (1-d) + d*x1/2, x1 = d*(x0 + x2), x2 = d*x1/2.
        // Then x1 = d*x0/(1 - d²/2) and x0 = (2 - d²) / (2(1 + d)) = 1.2775/3.7 = 0.345270...,
        // x1 = 0.459459..., x2 = 0.195270... (sum 1).
        var result = new PersonalizedPageRank(Path3(), [true, false, false], Exact).Compute();
        const double d = 0.85;
        double x0 = (2 - d * d) / (2 * (1 + d));
        double x1 = d * x0 / (1 - d * d / 2);
        Assert.True(result.Converged);
        Assert.Equal(1, result.SeedCount);
        Assert.Equal(x0, result.Scores[0], 1e-6);
        Assert.Equal(x1, result.Scores[1], 1e-6);
        Assert.Equal(d * x1 / 2, result.Scores[2], 1e-6);
    }

    [Fact]
    public void SeedIdsAndFlags_GiveTheSameScores()
    {
        var graph = SnapshotBuilder.Random(2_000, 500, 6_000, seed: 3).Graph;
        int[] ids = [5, 17, 17, 900];
        var flags = new bool[1_000];
        flags[5] = flags[17] = flags[900] = true;
        var fromIds = new PersonalizedPageRank(graph, ids, Exact).Compute();
        var fromFlags = new PersonalizedPageRank(graph, flags, Exact).Compute();
        Assert.Equal(3, fromIds.SeedCount);
        Assert.Equal(fromIds.Scores, fromFlags.Scores);
        Assert.Equal(1.0, fromIds.Scores.Sum(), 1e-9);
    }

    [Fact]
    public void NodesNearSeeds_ScoreHigherThanFarOnes()
    {
        // Path 0 - 1 - 2 - 3 - 4 seeded at 0: contagion decays with distance (the last node is a dead end and
        // gets a little back from its single neighbour, so compare the interior).
        var builder = new CsrGraphBuilder(5);
        for (int v = 0; v < 4; v++) builder.Add(v, v + 1, RelationType.SuppliesTo, 1);
        var scores = new PersonalizedPageRank(builder.Build(), [0], Exact).Compute().Scores;
        Assert.True(scores[1] > scores[2] && scores[2] > scores[3]);
    }

    [Fact]
    public void OneAndTwoThreads_GiveTheSameScores()
    {
        var snapshot = SnapshotBuilder.Random(30_000, 10_000, 90_000, seed: 8);
        foreach (bool weighted in new[] { false, true })
        {
            var one = new PersonalizedPageRank(snapshot.Graph, snapshot.Credit.Negative, new(Concurrency: 1, Weighted: weighted)).Compute();
            var two = new PersonalizedPageRank(snapshot.Graph, snapshot.Credit.Negative, new(Concurrency: 2, Weighted: weighted)).Compute();
            Assert.Equal(one.Iterations, two.Iterations);
            Assert.Equal(one.Scores, two.Scores);
        }
    }

    [Fact]
    public void NoSeeds_GiveZeroScores()
    {
        var result = new PersonalizedPageRank(Path3(), new bool[3], Exact).Compute();
        Assert.Equal(0, result.SeedCount);
        Assert.All(result.Scores, s => Assert.Equal(0, s));
    }

    [Fact]
    public void EmptyGraph_GivesEmptyResult() =>
        Assert.Empty(new PersonalizedPageRank(CsrGraph.Empty, Array.Empty<bool>(), new PersonalizedPageRankParameters()).Compute().Scores);

    [Fact]
    public void BadSeeds_Throw()
    {
        Assert.Throws<ArgumentException>(() => new PersonalizedPageRank(Path3(), new bool[4], Exact).Compute());
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersonalizedPageRank(Path3(), [3], Exact));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersonalizedPageRank(Path3(), [-1], Exact));
    }

    [Theory]
    [InlineData(1.0, 50, 1e-10, 1)]
    [InlineData(-0.5, 50, 1e-10, 1)]
    [InlineData(double.NaN, 50, 1e-10, 1)]
    [InlineData(0.85, 0, 1e-10, 1)]
    [InlineData(0.85, 50, 1.0, 1)]
    [InlineData(0.85, 50, -1e-3, 1)]
    [InlineData(0.85, 50, 1e-10, -1)]
    [InlineData(0.85, 50, 1e-10, 257)]
    public void InvalidParameters_Throw(double damping, int iterations, double tolerance, int concurrency) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new PersonalizedPageRank(Path3(), [0], new PersonalizedPageRankParameters(damping, iterations, tolerance, concurrency)).Compute());
}
