using RiskGraph.Model.Algorithms.Exposure;
using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Features;
using RiskGraph.Model.Tests.Algorithms;
using static RiskGraph.Model.Features.FeatureCatalog;

namespace RiskGraph.Model.Tests.Features;

/// <summary>
/// The fused neighbourhood walk against the separate searches it replaced, and the whole feature matrix on
/// several thread counts, on a random snapshot large enough for many parallel batches.
/// </summary>
public class FusedFeatureTests
{
    private static readonly Lazy<RiskGraph.Model.Graph.GraphSnapshot> Shared = new(() => SnapshotBuilder.Random(40_000, 15_000, 130_000, seed: 21));

    [Fact]
    public void FusedWalk_CountsWhatTheSeparateSearchesCount()
    {
        var snapshot = Shared.Value;
        var (features, analytics) = new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: 2)).ComputeWithAnalytics();
        var separate = new CrossBoundaryPaths(snapshot, new CrossBoundaryPathsParameters(MaxDepth: 3, Concurrency: 2)).CountsForAllEnterprises();
        Assert.Equal(separate.CrossIndustry, analytics.CrossBoundary.CrossIndustry);
        Assert.Equal(separate.CrossRegion, analytics.CrossBoundary.CrossRegion);
        Assert.Equal(separate.CrossBoth, analytics.CrossBoundary.CrossBoth);
        var exposure = new KHopExposure(snapshot, new KHopExposureParameters(Hops: 2, Concurrency: 2)).ForAllEnterprises();
        for (int u = 0; u < snapshot.EnterpriseCount; u++)
        {
            Assert.Equal(exposure.Risky[u], features[u, Negative2Hop]);
            Assert.Equal(separate.CrossIndustry[u], features[u, CrossIndustryTargets]);
        }

        // Given analytics (as the service passes them), the walk stops at two hops and takes the counts from there.
        var given = new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: 2), default, analytics).Compute();
        Assert.Equal(features.Values, given.Values);
    }

    [Fact]
    public void AnyThreadCount_GivesIdenticalFeatures()
    {
        var snapshot = Shared.Value;
        var one = new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: 1)).Compute();
        foreach (int threads in new[] { 2, 3, 8 })
            Assert.Equal(one.Values, new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: threads)).Compute().Values);
    }

    [Fact]
    public void LocalityOrder_ChangesNoScoreAndKeepsThePartitionValid()
    {
        var snapshot = Shared.Value;
        var ordered = GraphAnalytics.Compute(snapshot, new GraphAnalyticsParameters(Concurrency: 2));
        var plain = GraphAnalytics.Compute(snapshot, new GraphAnalyticsParameters(Concurrency: 2, LocalityOrder: false));
        for (int v = 0; v < snapshot.Graph.NodeCount; v++)
        {
            Assert.Equal(plain.PageRank.Scores[v], ordered.PageRank.Scores[v], 1e-9);
            Assert.Equal(plain.RiskContagion.Scores[v], ordered.RiskContagion.Scores[v], 1e-9);
        }
        var community = ordered.Communities.Community;
        Assert.Equal(ordered.Communities.CommunityCount, community.Max() + 1);
        var firstSeen = new int[ordered.Communities.CommunityCount];
        Array.Fill(firstSeen, -1);
        for (int v = 0; v < community.Length; v++) if (firstSeen[community[v]] < 0) firstSeen[community[v]] = v;
        for (int c = 1; c < firstSeen.Length; c++) Assert.True(firstSeen[c] > firstSeen[c - 1]);
        Assert.InRange(ordered.Communities.Modularity, plain.Communities.Modularity - 0.01, 1);
    }
}
