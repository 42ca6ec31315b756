using RiskGraph.Model.Algorithms;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

public class PageRankTests
{
    private static CsrGraph Build(int nodes, params (int, int)[] edges)
    {
        var builder = new CsrGraphBuilder(nodes);
        foreach (var (a, b) in edges) builder.Add(a, b, RelationType.SuppliesTo, 1);
        return builder.Build();
    }

    [Fact]
    public void Star_MatchesTheClosedForm()
    {
        // Undirected star: centre c, 3 leaves, a = (1-d)/4. Stationary equations: c = a + 3d*l, l = a + d*c/3,
        // so c = a(1+3d)/(1-d^2) and l = a + d*c/3.
        var graph = Build(4, (0, 1), (0, 2), (0, 3));
        var result = new PageRank(graph, new PageRankParameters(MaxIterations: 200, Tolerance: 1e-12)).Compute();
        const double d = 0.85, a = (1 - d) / 4;
        double centre = a * (1 + 3 * d) / (1 - d * d);
        double leaf = a + d * centre / 3;
        Assert.True(result.Converged);
        Assert.Equal(centre, result.Scores[0], 1e-6);
        Assert.Equal(leaf, result.Scores[1], 1e-6);
        Assert.Equal(1.0, result.Scores.Sum(), 1e-9);
    }

    [Fact]
    public void IsolatedNodes_ShareTheMassEvenly()
    {
        var graph = Build(3, (0, 1));
        var result = new PageRank(graph, new PageRankParameters(MaxIterations: 100, Tolerance: 1e-12)).Compute();
        Assert.Equal(1.0, result.Scores.Sum(), 1e-9);
        Assert.Equal(result.Scores[0], result.Scores[1], 1e-12);
    }

    [Fact]
    public void OneAndTwoThreads_GiveTheSameScores()
    {
        var random = new Random(5);
        var builder = new CsrGraphBuilder(20_000);
        for (int i = 0; i < 60_000; i++) builder.Add(random.Next(20_000), random.Next(20_000), RelationType.SuppliesTo, 1);
        var graph = builder.Build();
        var one = new PageRank(graph, new PageRankParameters(Concurrency: 1)).Compute();
        var two = new PageRank(graph, new PageRankParameters(Concurrency: 2)).Compute();
        Assert.Equal(one.Iterations, two.Iterations);
        Assert.Equal(one.Scores, two.Scores);
    }

    [Fact]
    public void EmptyGraph_GivesEmptyResult() =>
        Assert.Empty(new PageRank(CsrGraph.Empty, new PageRankParameters()).Compute().Scores);

    [Theory]
    [InlineData(1.0, 20, 1e-7, 1)]
    [InlineData(-0.1, 20, 1e-7, 1)]
    [InlineData(0.85, 0, 1e-7, 1)]
    [InlineData(0.85, 20, 1.5, 1)]
    [InlineData(0.85, 20, 1e-7, 0)]
    public void InvalidParameters_Throw(double damping, int iterations, double tolerance, int concurrency) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageRankParameters(damping, iterations, tolerance, concurrency).Validate());
}
