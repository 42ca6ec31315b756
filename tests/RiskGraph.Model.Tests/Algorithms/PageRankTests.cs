using RiskGraph.Model.Algorithms.Ranking;
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
    public void WeightedPath_MatchesTheHandSolution()
    {
        // Path 0 -(1)- 1 -(3)- 2. Strengths 1, 4, 3, so node 1 sends 1/4 of its rank to 0 and 3/4 to 2.
        // With a = (1-d)/3: x0 = a + d*x1/4, x2 = a + 3d*x1/4, x1 = a + d*(x0 + x2) = a + d*(2a + d*x1),
        // so x1 = a(1+2d)/(1-d^2) = 0.135/0.2775 = 0.486486..., x0 = 0.153378..., x2 = 0.360135... (sum 1).
        var builder = new CsrGraphBuilder(3);
        builder.Add(0, 1, RelationType.SuppliesTo, 1);
        builder.Add(1, 2, RelationType.SuppliesTo, 3);
        var result = new PageRank(builder.Build(), new PageRankParameters(MaxIterations: 300, Tolerance: 1e-14, Weighted: true)).Compute();
        const double d = 0.85, a = (1 - d) / 3;
        double x1 = a * (1 + 2 * d) / (1 - d * d);
        Assert.True(result.Converged);
        Assert.Equal(a + d * x1 / 4, result.Scores[0], 1e-6);
        Assert.Equal(x1, result.Scores[1], 1e-6);
        Assert.Equal(a + 3 * d * x1 / 4, result.Scores[2], 1e-6);
    }

    [Fact]
    public void Weighted_OneAndTwoThreads_GiveTheSameScores()
    {
        var graph = SnapshotBuilder.Random(30_000, 10_000, 90_000, seed: 11).Graph;
        var one = new PageRank(graph, new PageRankParameters(Concurrency: 1, Weighted: true)).Compute();
        var two = new PageRank(graph, new PageRankParameters(Concurrency: 2, Weighted: true)).Compute();
        Assert.Equal(one.Iterations, two.Iterations);
        Assert.Equal(one.Scores, two.Scores);
        Assert.Equal(1.0, one.Scores.Sum(), 1e-9);
    }

    [Fact]
    public void UnitWeights_GiveTheUnweightedScores()
    {
        var graph = Build(50, Enumerable.Range(0, 120).Select(i => (i * 7 % 50, i * 13 % 49)).ToArray());
        var plain = new PageRank(graph, new PageRankParameters(MaxIterations: 50)).Compute();
        var weighted = new PageRank(graph, new PageRankParameters(MaxIterations: 50, Weighted: true)).Compute();
        for (int v = 0; v < 50; v++) Assert.Equal(plain.Scores[v], weighted.Scores[v], 1e-12);
    }

    [Fact]
    public void FloatSharePath_StaysWithinItsTruncationError()
    {
        // 85 iterations leave a truncation error of about 0.85^85 ≈ 1e-6, so the iteration keeps shares as float
        // (rounding 2^-24 ≈ 6e-8); 300 iterations at tolerance 1e-15 force double shares. The two may differ by
        // the truncation error, never by more: relative 1e-5 per node.
        var graph = SnapshotBuilder.Random(40_000, 10_000, 120_000, seed: 17).Graph;
        var fast = new PageRank(graph, new PageRankParameters(MaxIterations: 85, Tolerance: 0)).Compute();
        var exact = new PageRank(graph, new PageRankParameters(MaxIterations: 300, Tolerance: 1e-15)).Compute();
        Assert.True(exact.Converged);
        for (int v = 0; v < graph.NodeCount; v++)
            Assert.True(Math.Abs(fast.Scores[v] - exact.Scores[v]) <= 1e-5 * exact.Scores[v], $"node {v}");
        Assert.Equal(1.0, fast.Scores.Sum(), 1e-6);
    }

    [Fact]
    public void Progress_IsReportedPerIterationAndEndsAtOne()
    {
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);
        var result = new PageRank(Build(4, (0, 1), (1, 2), (2, 3)), new PageRankParameters(MaxIterations: 5, Tolerance: 0), progress).Compute();
        Assert.Equal(5, result.Iterations);
        Assert.Equal([0.2, 0.4, 0.6, 0.8, 1.0, 1.0], reports.Select(r => Math.Round(r, 9)));
    }

    [Fact]
    public void NegativeWeight_IsRejectedInWeightedMode()
    {
        var builder = new CsrGraphBuilder(2);
        builder.Add(0, 1, RelationType.SuppliesTo, -1);
        Assert.Throws<ArgumentException>(() => new PageRank(builder.Build(), new PageRankParameters(Weighted: true)).Compute());
    }

    /// <summary>
    /// QuikGraph's PageRankAlgorithm is directed and unnormalised: it iterates x = (1-d) + d * Σ_in x_u / outdeg(u)
    /// (Jacobi, starting from 1/n) and does not redistribute the rank of nodes without out-edges. Feeding it both
    /// directions of every relation makes it our undirected walk; on graphs without isolated nodes its fixed point
    /// is exactly n times ours, so after normalising the two must agree. Both run 200 iterations with no early
    /// stop: the truncation error is below 0.85^200 ≈ 1e-14 relative, and the rest is summation-order rounding
    /// (~1e-15 per operation), so 1e-9 relative leaves a wide margin while still catching any modelling mismatch
    /// (a wrong damping convention or degree count shifts scores by 1e-2 or more).
    /// </summary>
    [Theory]
    [InlineData(1, 200, 600)]
    [InlineData(2, 1_000, 2_500)]
    [InlineData(3, 3_000, 12_000)]
    public void RandomGraph_AgreesWithQuikGraph(int seed, int nodes, int extraEdges)
    {
        var random = new Random(seed);
        var edges = new List<(int, int)>();
        // A random tree first, so no node is isolated, then random extra edges (parallel edges and loops allowed).
        for (int v = 1; v < nodes; v++) edges.Add((v, random.Next(v)));
        for (int i = 0; i < extraEdges; i++) edges.Add((random.Next(nodes), random.Next(nodes)));
        var ours = new PageRank(Build(nodes, edges.ToArray()), new PageRankParameters(MaxIterations: 200, Tolerance: 0)).Compute();

        var reference = new QuikGraph.BidirectionalGraph<int, QuikGraph.SEdge<int>>();
        for (int v = 0; v < nodes; v++) reference.AddVertex(v);
        foreach (var (a, b) in edges)
        {
            reference.AddEdge(new QuikGraph.SEdge<int>(a, b));
            reference.AddEdge(new QuikGraph.SEdge<int>(b, a));
        }
        var algorithm = new QuikGraph.Algorithms.Ranking.PageRankAlgorithm<int, QuikGraph.SEdge<int>>(reference)
        {
            Damping = 0.85,
            MaxIterations = 200,
            Tolerance = 0,
        };
        algorithm.Compute();
        double total = algorithm.GetRanksSum();
        for (int v = 0; v < nodes; v++)
        {
            double expected = algorithm.Ranks[v] / total;
            Assert.True(Math.Abs(ours.Scores[v] - expected) <= 1e-9 * expected, $"node {v}: {ours.Scores[v]} vs {expected}");
        }
    }

    [Fact]
    public void EmptyGraph_GivesEmptyResult() =>
        Assert.Empty(new PageRank(CsrGraph.Empty, new PageRankParameters()).Compute().Scores);

    [Theory]
    [InlineData(1.0, 20, 1e-7, 1)]
    [InlineData(-0.1, 20, 1e-7, 1)]
    [InlineData(0.85, 0, 1e-7, 1)]
    [InlineData(0.85, 20, 1.5, 1)]
    [InlineData(0.85, 20, 1e-7, -1)]
    [InlineData(0.85, 20, 1e-7, 257)]
    [InlineData(double.NaN, 20, 1e-7, 1)]
    [InlineData(0.85, 20, -1e-7, 1)]
    public void InvalidParameters_Throw(double damping, int iterations, double tolerance, int concurrency) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageRankParameters(damping, iterations, tolerance, concurrency).Validate());

    [Fact]
    public void InvalidParameters_ThrowFromCompute() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageRank(Build(2, (0, 1)), new PageRankParameters(MaxIterations: 0)).Compute());
}
