using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Model.Algorithms.Communities;
using RiskGraph.Model.Algorithms.Exposure;
using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Algorithms.SupplyChain;
using RiskGraph.Model.Features;

namespace RiskGraph.Model.Tests.Algorithms;

public class AnalyticsConcurrencyTests
{
    [Fact]
    public void EveryParameterRecord_DefaultsToTheProcessorCount()
    {
        int processors = Math.Min(Environment.ProcessorCount, AnalyticsConcurrency.Max);
        Assert.Equal(processors, new PageRankParameters().Concurrency);
        Assert.Equal(processors, new PersonalizedPageRankParameters().Concurrency);
        Assert.Equal(processors, new LouvainParameters().Concurrency);
        Assert.Equal(processors, new KHopExposureParameters().Concurrency);
        Assert.Equal(processors, new CrossBoundaryPathsParameters().Concurrency);
        Assert.Equal(processors, new SupplyChainContagionParameters().Concurrency);
        Assert.Equal(processors, new FeatureExtractorParameters().Concurrency);
        Assert.Equal(processors, new GraphAnalyticsParameters().Concurrency);
    }

    [Fact]
    public void AnExplicitCount_IsKept()
    {
        Assert.Equal(7, new LouvainParameters(Concurrency: 7).Concurrency);
        Assert.Equal(3, (new PageRankParameters() with { Concurrency = 3 }).Concurrency);
        Assert.Equal(1, new GraphAnalyticsParameters(Concurrency: 1).Concurrency);
    }
}
