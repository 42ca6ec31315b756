using RiskGraph.Model.Features;
using RiskGraph.Model.Tests.Support;
using static RiskGraph.Model.Features.FeatureCatalog;

namespace RiskGraph.Model.Tests.Features;

public class FeatureExtractorTests
{
    [Fact]
    public async Task FeaturesOfTheCentreEnterprise_MatchAHandCount()
    {
        using var temp = new TempFolder();
        var snapshot = await TinyGraph.SnapshotAsync(temp.File("store.db"));
        var features = new FeatureExtractor(snapshot, new FeatureExtractorParameters()).Compute();
        int e0 = snapshot.Ids.IdOf(TinyGraph.E[0]);

        Assert.Equal(new DateOnly(2025, 6, 5), snapshot.AsOf);
        Assert.Equal(1, features[e0, Suppliers]);
        Assert.Equal(1, features[e0, Buyers]);
        Assert.Equal(1, features[e0, Holdings]);
        Assert.Equal(0, features[e0, Shareholders]);
        Assert.Equal(1, features[e0, Negative1Hop]);
        Assert.Equal(0.5f, features[e0, Negative1HopShare]);
        Assert.Equal(1, features[e0, NegativeSuppliers]);
        Assert.Equal(0, features[e0, NegativeBuyers]);
        Assert.Equal(3, features[e0, Negative2Hop]);
        Assert.Equal(0.75f, features[e0, Negative2HopShare]);
        Assert.Equal(2, features[e0, NegativeIndustries2Hop]);
        Assert.Equal(2, features[e0, NegativeRegions2Hop]);
        Assert.Equal(2, features[e0, NegativeCrossIndustry2Hop]);
        Assert.Equal(2, features[e0, NegativeCrossRegion2Hop]);
        Assert.Equal(1, features[e0, PersonLinkedEnterprises]);
        Assert.Equal(1, features[e0, NegativePersonLinked]);
        Assert.Equal((float)Math.Log10(7), features[e0, ComponentSizeLog], 5);
    }

    [Fact]
    public async Task OwnRecordFeatures_CountOnlyRecordsInForce()
    {
        using var temp = new TempFolder();
        var snapshot = await TinyGraph.SnapshotAsync(temp.File("store.db"));
        var features = new FeatureExtractor(snapshot, new FeatureExtractorParameters()).Compute();
        int e1 = snapshot.Ids.IdOf(TinyGraph.E[1]), e2 = snapshot.Ids.IdOf(TinyGraph.E[2]), e5 = snapshot.Ids.IdOf(TinyGraph.E[5]);

        Assert.Equal(1, features[e1, PenaltyFine]);
        Assert.Equal((float)Math.Log10(20_001), features[e1, FineTotalLog], 5);
        Assert.Equal(1, features[e1, RecentPenalties]);
        Assert.Equal(1, features[e2, PenaltyWarning]);
        Assert.False(snapshot.Credit.Negative[e2]);
        Assert.Equal(0, features[e5, OnAbnormalOperation]);
        Assert.False(snapshot.Credit.Negative[e5]);
        Assert.Equal(0, features[e5, ComponentSizeLog]);
        Assert.Equal(10.4f, features[e1, AgeYears], 1);
    }

    [Fact]
    public async Task HubsAboveTheCap_AreNotExpanded()
    {
        using var temp = new TempFolder();
        var snapshot = await TinyGraph.SnapshotAsync(temp.File("store.db"));
        var features = new FeatureExtractor(snapshot, new FeatureExtractorParameters(HubFanOutCap: 1)).Compute();
        int e0 = snapshot.Ids.IdOf(TinyGraph.E[0]);

        Assert.Equal(1, features[e0, Negative2Hop]);
        Assert.Equal(0, features[e0, PersonLinkedEnterprises]);
    }

    [Fact]
    public async Task OneAndTwoThreads_GiveIdenticalFeatures()
    {
        using var temp = new TempFolder();
        var snapshot = await TinyGraph.SnapshotAsync(temp.File("store.db"));
        var one = new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: 1)).Compute();
        var two = new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: 2)).Compute();
        Assert.Equal(one.Values, two.Values);
    }

    [Fact]
    public void Schema_HasOneNamePerSlot_AttributesFirst()
    {
        var schema = FeatureSchema.Current;
        Assert.Equal(Count, schema.Count);
        Assert.Equal(Count, schema.Names.Distinct().Count());
        Assert.Equal(AttributeCount, schema.AttributesOnly().Count);
        Assert.DoesNotContain(schema.Names, n => n.Contains("label", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Parameters_AreChecked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureExtractorParameters(HubFanOutCap: 0).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureExtractorParameters(Concurrency: -1).Validate());
    }
}
