using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Tests.Algorithms;
using RiskGraph.Model.Tests.Storage;

namespace RiskGraph.Model.Tests.Features;

/// <summary>The published analytics snapshot: read back bit for bit, and keyed by a fingerprint that tells snapshots apart.</summary>
public class AnalyticsSnapshotFileTests
{
    [Fact]
    public void WrittenAnalytics_ReadBackExactly_WithTheirHeader()
    {
        var snapshot = SnapshotBuilder.Random(3_000, 1_000, 9_000, seed: 4, shareSpread: 0.9);
        var parameters = new GraphAnalyticsParameters(Concurrency: 2);
        var computed = GraphAnalytics.Compute(snapshot, parameters);
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "a" + AnalyticsSnapshotFile.Extension);
        string fingerprint = AnalyticsSnapshotFile.Fingerprint(snapshot, parameters);
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        AnalyticsSnapshotFile.Write(path, fingerprint, "r1-abc", at, computed);
        var (header, read) = AnalyticsSnapshotFile.Read(path);

        Assert.Equal(new AnalyticsSnapshotFile.Header(fingerprint, "r1-abc", at), header);
        Assert.Equal(header, AnalyticsSnapshotFile.ReadHeader(path));
        Assert.Equal(computed.PageRank.Scores, read.PageRank.Scores);
        Assert.Equal((computed.PageRank.Iterations, computed.PageRank.Converged), (read.PageRank.Iterations, read.PageRank.Converged));
        Assert.Equal(computed.Components.Component, read.Components.Component);
        Assert.Equal(computed.Components.Sizes, read.Components.Sizes);
        Assert.Equal(computed.Communities.Community, read.Communities.Community);
        Assert.Equal(computed.Communities.Modularity, read.Communities.Modularity);
        Assert.Equal(computed.Communities.LevelModularities, read.Communities.LevelModularities);
        Assert.Equal(computed.RiskContagion, read.RiskContagion with { Scores = computed.RiskContagion.Scores });
        Assert.Equal(computed.RiskContagion.Scores, read.RiskContagion.Scores);
        Assert.Equal(computed.Supply.Score, read.Supply.Score);
        Assert.Equal(computed.Supply.UpstreamRisk, read.Supply.UpstreamRisk);
        Assert.Equal(computed.Supply.DownstreamRisk, read.Supply.DownstreamRisk);
        Assert.Equal(computed.CrossBoundary.MaxDepth, read.CrossBoundary.MaxDepth);
        Assert.Equal(computed.CrossBoundary.CrossBoth, read.CrossBoundary.CrossBoth);
        Assert.Equal(computed.CommunityEnterprises, read.CommunityEnterprises);
        Assert.Equal(computed.CommunityNegative, read.CommunityNegative);
        Assert.Equal(computed.Seconds, read.Seconds);
        var (circles, readCircles) = (computed.GuaranteeCircles, read.GuaranteeCircles);
        Assert.True(circles.CircleCount > 0, "the random graph should hold guarantee circles for this check to mean something");
        Assert.Equal(circles.CircleOf, readCircles.CircleOf);
        Assert.Equal(circles.CircleMembers, readCircles.CircleMembers);
        Assert.Equal(circles.Contagion, readCircles.Contagion);
        Assert.Equal(circles.Stress, readCircles.Stress);
        Assert.Equal(circles.Rounds, readCircles.Rounds);
        var (groups, readGroups) = (computed.Groups, read.Groups);
        Assert.True(groups.GroupCount > 0, "the random graph should hold conglomerates for this check to mean something");
        Assert.Equal(groups.GroupOf, readGroups.GroupOf);
        Assert.Equal(groups.Members, readGroups.Members);
        Assert.Equal(groups.Controller, readGroups.Controller);
        Assert.Equal(groups.TotalCapital, readGroups.TotalCapital);
        Assert.Equal(groups.InternalSupplyAmount, readGroups.InternalSupplyAmount);

        // Features from loaded analytics are those from computed ones: what a replica that loads serves.
        var fromComputed = new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: 2), default, computed).Compute();
        var fromRead = new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: 2), default, read).Compute();
        Assert.Equal(fromComputed.Values, fromRead.Values);
    }

    [Fact]
    public void TheFingerprint_IsTheSameForTheSameSnapshot_AndDiffersWhenTheGraphTheSeedsOrTheParametersDiffer()
    {
        var parameters = new GraphAnalyticsParameters(Concurrency: 2);
        var snapshot = SnapshotBuilder.Random(500, 200, 1_500, seed: 4);
        string fingerprint = AnalyticsSnapshotFile.Fingerprint(snapshot, parameters);

        Assert.Equal(fingerprint, AnalyticsSnapshotFile.Fingerprint(SnapshotBuilder.Random(500, 200, 1_500, seed: 4), parameters));
        // The thread count changes no result, so it is not part of the key.
        Assert.Equal(fingerprint, AnalyticsSnapshotFile.Fingerprint(snapshot, parameters with { Concurrency = 1 }));
        Assert.NotEqual(fingerprint, AnalyticsSnapshotFile.Fingerprint(SnapshotBuilder.Random(500, 200, 1_500, seed: 5), parameters));
        Assert.NotEqual(fingerprint, AnalyticsSnapshotFile.Fingerprint(snapshot, parameters with { CrossBoundaryDepth = 2 }));
        snapshot.Credit.Negative[7] = !snapshot.Credit.Negative[7];
        Assert.NotEqual(fingerprint, AnalyticsSnapshotFile.Fingerprint(snapshot, parameters));
    }

    [Fact]
    public void AFileOfAnotherFormat_OrCutShort_IsRefused()
    {
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "bad" + AnalyticsSnapshotFile.Extension);
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.Throws<InvalidDataException>(() => AnalyticsSnapshotFile.Read(path));

        var snapshot = SnapshotBuilder.Random(300, 100, 900, seed: 2);
        AnalyticsSnapshotFile.Write(path, "f", "r", DateTimeOffset.UnixEpoch, GraphAnalytics.Compute(snapshot, new GraphAnalyticsParameters(Concurrency: 1)));
        using (var file = File.Open(path, FileMode.Open)) file.SetLength(file.Length / 2);
        Assert.Throws<InvalidDataException>(() => AnalyticsSnapshotFile.Read(path));
    }
}
