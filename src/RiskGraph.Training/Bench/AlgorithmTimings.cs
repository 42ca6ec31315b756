using System.Diagnostics;
using RiskGraph.Model.Algorithms.Communities;
using RiskGraph.Model.Algorithms.Components;
using RiskGraph.Model.Algorithms.Exposure;
using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Algorithms.SupplyChain;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;

namespace RiskGraph.Training.Bench;

/// <summary>One timed run of each graph algorithm and of the feature extraction, default parameters unless noted, all on the same thread count.</summary>
internal static class AlgorithmTimings
{
    public static BenchReport Measure(
        GraphSnapshot snapshot, BenchReport report, string folder, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var graph = snapshot.Graph;
        int concurrency = report.Concurrency;
        var pageRanks = PageRankComparison.Run(graph, snapshot.EnterpriseCount, concurrency);
        double weighted = GraphBench.PageRankMsPerIteration(graph, weighted: true, concurrency);
        log?.Report($"PageRank {pageRanks.OursMs:F2} ms/iteration on the locality order (reference kernel {pageRanks.ReferenceMs:F2}, " +
            $"ours unordered {pageRanks.OursUnorderedMs:F2}, weighted unordered {weighted:F2}; ordering once {pageRanks.OrderingMs:F0} ms; " +
            $"largest score difference {pageRanks.MaxScoreDifference:E1})");

        var clock = Stopwatch.StartNew();
        new Wcc(graph, new WccParameters(), cancellationToken).Compute();
        double wcc = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        // As GraphAnalytics runs it: on the locality order built above (its cost is locality_order_ms), results in snapshot ids.
        var louvain = OrderedRuns.Louvain(pageRanks.Ordering, new LouvainParameters(Concurrency: concurrency), cancellationToken);
        double louvainMs = clock.Elapsed.TotalMilliseconds;
        log?.Report($"WCC {wcc:F0} ms; Louvain {louvainMs:F0} ms on the locality order: {louvain.CommunityCount:N0} communities, modularity {louvain.Modularity:F4}, {louvain.LevelModularities.Length} levels");
        var reference = LouvainReference.Run(graph, louvain.Community, folder, log);
        log?.Report(reference.Modularity is { } q
            ? $"reference Louvain modularity {q:F4} ({reference.Communities:N0} communities, {reference.Seconds:F1} s); ours recomputed there {reference.OursByReference:F4}"
            : $"no reference Louvain modularity: {reference.Note}");

        clock.Restart();
        OrderedRuns.PersonalizedPageRank(pageRanks.Ordering, snapshot.Credit.Negative, new PersonalizedPageRankParameters(Concurrency: concurrency), cancellationToken);
        double personalized = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        new SupplyChainContagion(snapshot, new SupplyChainContagionParameters(Concurrency: concurrency), cancellationToken).Compute();
        double supply = clock.Elapsed.TotalMilliseconds;
        log?.Report($"Personalized PageRank {personalized:F0} ms; supply-chain contagion {supply:F0} ms");

        clock.Restart();
        new KHopExposure(snapshot, new KHopExposureParameters(Hops: 2, Concurrency: concurrency), cancellationToken).ForAllEnterprises();
        double exposure = GraphBench.Lap(clock);
        new CrossBoundaryPaths(snapshot, new CrossBoundaryPathsParameters(MaxDepth: 3, Concurrency: concurrency), cancellationToken).CountsForAllEnterprises();
        double crossBoundary = GraphBench.Lap(clock);
        log?.Report($"2-hop exposure for all enterprises {exposure:F1} s; 3-hop cross-boundary counts {crossBoundary:F1} s");

        double single = SingleQueries(snapshot, cancellationToken);
        log?.Report($"single-enterprise queries (exposure, controller, chain, paths): {single:F3} ms on average");

        clock.Restart();
        new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: concurrency), cancellationToken).Compute();
        double features = GraphBench.Lap(clock);
        log?.Report($"features for {snapshot.EnterpriseCount:N0} enterprises {features:F1} s");

        return report with
        {
            PageRankMsPerIteration = pageRanks.OursMs,
            PageRankReferenceMsPerIteration = pageRanks.ReferenceMs,
            PageRankUnorderedMsPerIteration = pageRanks.OursUnorderedMs,
            PageRankReferenceMaxDifference = pageRanks.MaxScoreDifference,
            LocalityOrderMs = pageRanks.OrderingMs,
            WeightedPageRankMsPerIteration = weighted,
            WccMs = wcc,
            LouvainMs = louvainMs,
            LouvainSeconds = louvainMs / 1000,
            LouvainReferenceModularity = reference.Modularity,
            LouvainModularityByReference = reference.OursByReference,
            LouvainReferenceCommunities = reference.Communities,
            LouvainReferenceSeconds = reference.Seconds,
            LouvainReferenceNote = reference.Note,
            LouvainCommunities = louvain.CommunityCount,
            LouvainModularity = louvain.Modularity,
            LouvainLevels = louvain.LevelModularities.Length,
            PersonalizedPageRankMs = personalized,
            SupplyChainContagionMs = supply,
            Exposure2HopAllSeconds = exposure,
            CrossBoundary3HopAllSeconds = crossBoundary,
            SingleQueriesMs = single,
            FeaturesSeconds = features,
        };
    }

    /// <summary>Average time of the four per-enterprise queries an API call would make, over 200 spread-out enterprises.</summary>
    private static double SingleQueries(GraphSnapshot snapshot, CancellationToken cancellationToken)
    {
        int count = Math.Min(200, snapshot.EnterpriseCount);
        if (count == 0) return 0;
        var exposure = new KHopExposure(snapshot, new KHopExposureParameters(Hops: 3), cancellationToken);
        var controller = new UltimateController(snapshot, new UltimateControllerParameters(), cancellationToken);
        var chain = new SupplyChainContagion(snapshot, new SupplyChainContagionParameters(), cancellationToken);
        var paths = new CrossBoundaryPaths(snapshot, new CrossBoundaryPathsParameters(), cancellationToken);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            int enterprise = (int)((long)i * snapshot.EnterpriseCount / count);
            exposure.ForNode(enterprise);
            controller.ForEnterprise(enterprise);
            chain.Chain(enterprise);
            paths.ForEnterprise(enterprise);
        }
        return clock.Elapsed.TotalMilliseconds / count;
    }
}
