using RiskGraph.Model.Domain;
using RiskGraph.Model.Features;
using RiskGraph.Model.Tests.Algorithms;
using static RiskGraph.Model.Features.FeatureCatalog;

namespace RiskGraph.Model.Tests.Features;

public class PatternFeatureTests
{
    /// <summary>
    /// E0 ↔ E1 guarantee each other and E1 → E2 → E0 closes a triangle: one circle of three; E0 is negative. Person P
    /// (id 5) holds 70 % of E3 and E4; E4 is negative.
    /// </summary>
    private static Model.Graph.GraphSnapshot Graph() => new SnapshotBuilder(5, 1)
        .Relation(0, 1, RelationType.Guarantees, 10)
        .Relation(1, 0, RelationType.Guarantees, 10)
        .Relation(1, 2, RelationType.Guarantees, 10)
        .Relation(2, 0, RelationType.Guarantees, 10)
        .Relation(5, 3, RelationType.ShareholderOf, 0.7)
        .Relation(5, 4, RelationType.ShareholderOf, 0.7)
        .Negative(0, 4)
        .Build();

    [Fact]
    public void CircleAndGroupFeatures_AreWrittenForMembers_AndZeroOutside()
    {
        var features = new FeatureExtractor(Graph(), new FeatureExtractorParameters()).Compute();

        Assert.Equal("4", features.Schema.Version);
        Assert.Equal(1, features[1, GuaranteeCircleMember]);
        Assert.Equal((float)Math.Log10(4), features[1, GuaranteeCircleSizeLog], 5);
        Assert.Equal(1, features[1, GuaranteeMutualPartners]);
        Assert.Equal(1, features[2, GuaranteeTriangles]);
        Assert.Equal(0, features[2, GuaranteeMutualPartners]);
        // Capitals are unknown, so every guarantor is fully exposed: E2 (guarantees E0) and E1 (guarantees E0 and E2)
        // are in default after the rounds, the whole circle with them.
        Assert.Equal(1f, features[0, GuaranteeCircleRisk], 5);
        Assert.Equal(0, features[3, GuaranteeCircleMember]);
        Assert.Equal(0, features[3, GuaranteeCircleRisk]);

        Assert.Equal((float)Math.Log10(3), features[3, GroupSizeLog], 5);
        Assert.Equal(1f, features[3, GroupNegativeShare]);
        Assert.Equal(0f, features[4, GroupNegativeShare]);
        Assert.Equal(0, features[0, GroupSizeLog]);
    }
}
