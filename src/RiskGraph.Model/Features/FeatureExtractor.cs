using System.Collections.Concurrent;
using RiskGraph.Model.Algorithms;
using RiskGraph.Model.Graph;
using static RiskGraph.Model.Features.FeatureCatalog;

namespace RiskGraph.Model.Features;

/// <summary>
/// Computes <see cref="FeatureSchema.Current"/> for every enterprise of a snapshot. Reads only records and
/// structure, never a label. Enterprises are processed in batches on several threads; each thread reuses
/// stamp arrays (marked with the enterprise id, so they never need clearing) and allocates nothing per edge.
/// </summary>
public sealed class FeatureExtractor(
    GraphSnapshot snapshot, FeatureExtractorParameters parameters, CancellationToken cancellationToken = default, GraphAnalytics? analytics = null)
{
    public FeatureMatrix Compute()
    {
        parameters.Validate();
        int enterprises = snapshot.EnterpriseCount;
        var values = new float[enterprises * Count];
        var results = analytics ?? GraphAnalytics.Compute(snapshot,
            new GraphAnalyticsParameters(parameters.Concurrency, parameters.HubFanOutCap), cancellationToken);
        var scratchPool = new ConcurrentBag<NeighbourhoodScratch>();

        NodeBatches.Run(enterprises, parameters.Concurrency, cancellationToken, (start, end) =>
        {
            if (!scratchPool.TryTake(out var scratch)) scratch = new NeighbourhoodScratch(snapshot);
            for (int u = start; u < end; u++)
            {
                var row = values.AsSpan(u * Count, Count);
                WriteOwnRecord(u, row);
                WriteStructure(u, row, results);
                scratch.WriteExposure(u, row, parameters.HubFanOutCap);
                scratch.WriteOwnershipSiblings(u, row, parameters.HubFanOutCap);
            }
            scratchPool.Add(scratch);
        });
        return new FeatureMatrix(FeatureSchema.Current, enterprises, values);
    }

    private void WriteOwnRecord(int u, Span<float> row)
    {
        var credit = snapshot.Credit;
        var attributes = snapshot.Enterprises;
        for (int kind = 0; kind < CreditProfile.PenaltyKinds; kind++)
            row[PenaltyWarning + kind] = credit.PenaltyCounts[u * CreditProfile.PenaltyKinds + kind];
        row[FineTotalLog] = (float)Math.Log10(1 + credit.FineTotals[u]);
        byte flags = credit.ListFlags[u];
        row[OnAbnormalOperation] = flags & 1;
        row[OnSeriousViolation] = (flags >> 1) & 1;
        row[OnSeriousDishonesty] = (flags >> 2) & 1;
        row[OnDishonestDebtor] = (flags >> 3) & 1;
        row[OnRedList] = (flags >> 4) & 1;
        float age = attributes.AgeYears[u];
        row[AgeYears] = float.IsNaN(age) ? -1 : age;
        row[CapitalLog] = (float)Math.Log10(1 + attributes.RegisteredCapital[u]);
        row[NotInBusiness] = attributes.Status[u] == 0 ? 0 : 1;
        row[RecentPenalties] = credit.RecentPenalties[u];
        row[CreditClassLevel] = (float)snapshot.Classes[u];
    }

    private void WriteStructure(int u, Span<float> row, GraphAnalytics results)
    {
        int nodes = snapshot.Graph.NodeCount;
        row[PageRankScaled] = (float)(results.PageRank.Scores[u] * nodes);
        row[ComponentSizeLog] = (float)Math.Log10(results.Components.Sizes[results.Components.Component[u]]);
        int community = results.Communities.Community[u];
        int others = results.CommunityEnterprises[community] - 1;
        int negativeOthers = results.CommunityNegative[community] - (snapshot.Credit.Negative[u] ? 1 : 0);
        row[CommunityNegativeShare] = others <= 0 ? 0 : (float)negativeOthers / others;
        row[CommunitySizeLog] = (float)Math.Log10(1 + results.CommunityEnterprises[community]);
        row[RiskContagion] = (float)(results.RiskContagion.Scores[u] * nodes);
        row[CrossIndustryTargets] = results.CrossBoundary.CrossIndustry[u];
        row[CrossRegionTargets] = results.CrossBoundary.CrossRegion[u];
        row[SupplyUpstreamRisk] = (float)results.Supply.UpstreamRisk[u];
        row[SupplyDownstreamRisk] = (float)results.Supply.DownstreamRisk[u];
    }
}
