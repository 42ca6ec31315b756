using System.Collections.Concurrent;
using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Model.Algorithms.Guarantees;
using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using static RiskGraph.Model.Features.FeatureCatalog;

namespace RiskGraph.Model.Features;

/// <summary>
/// Computes <see cref="FeatureSchema.Current"/> for every enterprise of a snapshot. Reads only records and
/// structure, never a label. Enterprises are processed in batches on several threads, on the locality-ordered
/// graph (<see cref="NodeOrdering"/>, or in <see cref="LocalityOrder"/> without it) so that consecutive
/// neighbourhoods share cache lines; each enterprise's neighbourhood is walked once (<see cref="NeighbourhoodPass"/>),
/// and nothing is allocated per edge. Every row depends only on its enterprise, so the matrix is identical on any
/// thread count.
/// </summary>
public sealed class FeatureExtractor(
    GraphSnapshot snapshot, FeatureExtractorParameters parameters, CancellationToken cancellationToken = default, GraphAnalytics? analytics = null)
{
    /// <summary>Deepest boundary count the fused walk can take over (levels 1 to 3).</summary>
    private const int FusedDepthLimit = 3;

    public FeatureMatrix Compute() => ComputeWithAnalytics().Features;

    /// <summary>
    /// The features and the whole-graph analytics they used. Without analytics given, the cross-boundary counts
    /// are taken from the feature walk itself instead of a separate search per enterprise.
    /// </summary>
    public (FeatureMatrix Features, GraphAnalytics Analytics) ComputeWithAnalytics()
    {
        parameters.Validate();
        int enterprises = snapshot.EnterpriseCount;
        var values = new float[enterprises * Count];
        var analyticsParameters = new GraphAnalyticsParameters(parameters.Concurrency, parameters.HubFanOutCap, LocalityOrder: parameters.LocalityOrder);
        int fusedDepth = analytics is null && analyticsParameters.CrossBoundaryDepth <= FusedDepthLimit ? analyticsParameters.CrossBoundaryDepth : 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ordering = parameters.LocalityOrder && enterprises > 0 ? NodeOrdering.Locality(snapshot.Graph, enterprises, parameters.Concurrency) : null;
        double orderingSeconds = clock.Elapsed.TotalSeconds;
        var results = analytics ?? GraphAnalytics.Compute(snapshot, analyticsParameters, ordering, crossBoundary: fusedDepth == 0, cancellationToken);
        clock.Restart();
        int[] crossIndustry = fusedDepth > 0 ? new int[enterprises] : results.CrossBoundary.CrossIndustry;
        int[] crossRegion = fusedDepth > 0 ? new int[enterprises] : results.CrossBoundary.CrossRegion;
        int[] crossBoth = fusedDepth > 0 ? new int[enterprises] : results.CrossBoundary.CrossBoth;
        // On the ordered graph, enterprise ids are already in locality order and the walks read nearby memory.
        var walked = ordering?.Graph ?? snapshot.Graph;
        var walkedEnterprises = NeighbourhoodPass.Enterprises.Of(snapshot, ordering);
        int[] order = ordering?.OldId ?? LocalityOrder.Enterprises(snapshot.Graph, enterprises, parameters.HubFanOutCap);
        var passes = new ConcurrentBag<NeighbourhoodPass>();

        NodeBatches.Run(enterprises, parameters.Concurrency, cancellationToken, (start, end) =>
        {
            if (!passes.TryTake(out var pass)) pass = new NeighbourhoodPass(walked, walkedEnterprises, parameters.HubFanOutCap);
            for (int position = start; position < end; position++)
            {
                int u = order[position];
                var row = values.AsSpan(u * Count, Count);
                WriteOwnRecord(u, row);
                WriteStructure(u, row, results);
                pass.Write(ordering is null ? u : position, row, fusedDepth);
                if (fusedDepth > 0)
                {
                    crossIndustry[u] = pass.CrossIndustry;
                    crossRegion[u] = pass.CrossRegion;
                    crossBoth[u] = pass.CrossBoth;
                }
                row[CrossIndustryTargets] = crossIndustry[u];
                row[CrossRegionTargets] = crossRegion[u];
            }
            passes.Add(pass);
        });
        if (fusedDepth > 0)
            results = results.WithCrossBoundary(new CrossBoundaryCounts(fusedDepth, crossIndustry, crossRegion, crossBoth), "neighbourhood_pass", clock.Elapsed.TotalSeconds);
        if (ordering is not null) results = results.WithTiming("feature_locality_order", orderingSeconds);
        return (new FeatureMatrix(FeatureSchema.Current, enterprises, values), results);
    }

    [ThreadStatic] private static bool[]? _rowMarks;

    /// <summary>
    /// A copy of <paramref name="previous"/> (computed on an earlier state of this snapshot's graph) in which the given
    /// rows are computed again on this snapshot, with the analytics given to the extractor: the incremental path of a
    /// live service. Each row is computed exactly as <see cref="Compute"/> computes it with those analytics.
    /// </summary>
    public FeatureMatrix Recompute(FeatureMatrix previous, ReadOnlySpan<int> rows)
    {
        var results = analytics ?? throw new InvalidOperationException("Recomputing rows needs the analytics the other rows were computed with.");
        var pass = new NeighbourhoodPass(snapshot.Graph, NeighbourhoodPass.Enterprises.Of(snapshot, null), parameters.HubFanOutCap);
        var recomputed = previous.WithRows(rows, (u, row) =>
        {
            WriteOwnRecord(u, row);
            WriteStructure(u, row, results);
            pass.Write(u, row, 0);
            row[CrossIndustryTargets] = results.CrossBoundary.CrossIndustry[u];
            row[CrossRegionTargets] = results.CrossBoundary.CrossRegion[u];
        });
        pass.Release();
        return recomputed;
    }

    /// <summary>
    /// The enterprises whose feature row reads any of <paramref name="touched"/>: the feature walk reads every node
    /// one hop away and, through nodes within the hub cap, two hops away, so the same rule walked backwards from each
    /// touched enterprise finds them. Ascending, the touched ones included.
    /// </summary>
    /// <param name="spreads">
    /// Whether a touched enterprise's change reaches other rows; when false only its own row is listed. Other rows
    /// read an enterprise only through its negative flag, so a record that leaves the flag as it was changes one row.
    /// Null: every touched enterprise spreads.
    /// </param>
    public static int[] RowsReading(CsrGraph graph, int enterpriseCount, ReadOnlySpan<int> touched, int hubCap, Predicate<int>? spreads = null)
    {
        // A flag per enterprise, kept between calls and cleared entry by entry: a live write marks a few hundred.
        var marked = _rowMarks is { } kept && kept.Length >= enterpriseCount ? kept : new bool[enterpriseCount];
        _rowMarks = null;
        var rows = new List<int>();
        void Mark(int v)
        {
            if (v < enterpriseCount && !marked[v]) { marked[v] = true; rows.Add(v); }
        }
        foreach (int u in touched)
        {
            Mark(u);
            if (spreads is not null && !spreads(u)) continue;
            for (int e = graph.Offsets[u], end = graph.Offsets[u + 1]; e < end; e++)
            {
                int w = graph.Targets[e];
                Mark(w);
                int start = graph.Offsets[w], stop = graph.Offsets[w + 1];
                // A hub in the middle is reached but not expanded by the walk of the enterprise on its far side.
                if (stop - start > hubCap) continue;
                for (int f = start; f < stop; f++) Mark(graph.Targets[f]);
            }
        }
        foreach (int row in rows) marked[row] = false;
        _rowMarks = marked;
        rows.Sort();
        return [.. rows];
    }

    private void WriteOwnRecord(int u, Span<float> row)
    {
        var credit = snapshot.Credit;
        var attributes = snapshot.Enterprises;
        for (int kind = 0; kind < CreditProfile.PenaltyKinds; kind++)
            row[PenaltyWarning + kind] = credit.PenaltyCount(u, (PenaltyKind)kind);
        row[FineTotalLog] = (float)Math.Log10(1 + credit.FineTotalOf(u));
        byte flags = credit.ListFlagsOf(u);
        row[OnAbnormalOperation] = flags & 1;
        row[OnSeriousViolation] = (flags >> 1) & 1;
        row[OnSeriousDishonesty] = (flags >> 2) & 1;
        row[OnDishonestDebtor] = (flags >> 3) & 1;
        row[OnRedList] = (flags >> 4) & 1;
        float age = attributes.AgeYears[u];
        row[AgeYears] = float.IsNaN(age) ? -1 : age;
        row[CapitalLog] = (float)Math.Log10(1 + attributes.RegisteredCapital[u]);
        row[NotInBusiness] = attributes.Status[u] == 0 ? 0 : 1;
        row[RecentPenalties] = credit.RecentPenaltiesOf(u);
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
        row[SupplyUpstreamRisk] = (float)results.Supply.UpstreamRisk[u];
        row[SupplyDownstreamRisk] = (float)results.Supply.DownstreamRisk[u];
        WritePatterns(u, row, results);
    }

    private void WritePatterns(int u, Span<float> row, GraphAnalytics results)
    {
        var circles = results.GuaranteeCircles;
        int circle = circles.CircleOf[u];
        row[GuaranteeCircleMember] = circle >= 0 ? 1 : 0;
        row[GuaranteeCircleSizeLog] = circle >= 0 ? (float)Math.Log10(1 + circles.SizeOf(circle)) : 0;
        row[GuaranteeCircleRisk] = circle >= 0 ? (float)circles.Contagion[circle] : 0;
        row[GuaranteeMutualPartners] = circles.MutualPartners[u];
        row[GuaranteeTriangles] = circles.TrianglesOf[u];
        var groups = results.Groups;
        int group = groups.GroupOf[u];
        row[GroupSizeLog] = group >= 0 ? (float)Math.Log10(1 + groups.SizeOf(group)) : 0;
        int others = group >= 0 ? groups.SizeOf(group) - 1 : 0;
        int negativeOthers = group >= 0 ? groups.NegativeMembers[group] - (snapshot.Credit.Negative[u] ? 1 : 0) : 0;
        row[GroupNegativeShare] = others <= 0 ? 0 : (float)negativeOthers / others;
    }
}
