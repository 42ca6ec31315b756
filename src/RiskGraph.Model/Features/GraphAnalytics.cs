using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Model.Algorithms.Communities;
using RiskGraph.Model.Algorithms.Components;
using RiskGraph.Model.Algorithms.Guarantees;
using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Algorithms.SupplyChain;
using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Features;

/// <param name="CrossBoundaryDepth">Hops searched for risky enterprises across an industry or region boundary.</param>
/// <param name="LocalityOrder">
/// Run PageRank, personalized PageRank and Louvain on a locality-ordered copy of the graph (<see cref="NodeOrdering"/>,
/// built once here), which makes their random reads mostly cache hits; results come back in snapshot ids.
/// </param>
public sealed record GraphAnalyticsParameters(
    int Concurrency = AnalyticsConcurrency.Auto, int HubFanOutCap = 64, int CrossBoundaryDepth = 3, bool LocalityOrder = true)
{
    /// <summary>Threads to use; <see cref="AnalyticsConcurrency.Auto"/> (the default) resolves to the processor count.</summary>
    public int Concurrency { get; init; } = AnalyticsConcurrency.Resolve(Concurrency);

    public void Validate()
    {
        NodeBatches.CheckConcurrency(Concurrency);
        ArgumentOutOfRangeException.ThrowIfLessThan(HubFanOutCap, 1, nameof(HubFanOutCap));
        ArgumentOutOfRangeException.ThrowIfLessThan(CrossBoundaryDepth, 1, nameof(CrossBoundaryDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(CrossBoundaryDepth, 4, nameof(CrossBoundaryDepth));
    }
}

/// <summary>
/// The whole-graph algorithm results of one snapshot: computed once when a snapshot is loaded, then shared by the
/// features, the community and alert endpoints. Immutable.
/// </summary>
public sealed class GraphAnalytics
{
    private GraphAnalytics(
        PageRankResult pageRank, WccResult components, LouvainResult communities, PersonalizedPageRankResult riskContagion,
        SupplyChainContagionResult supply, CrossBoundaryCounts crossBoundary, int[] communityEnterprises, int[] communityNegative,
        IReadOnlyDictionary<string, double> seconds, GuaranteeCirclesResult guaranteeCircles, ConglomerateGroupsResult groups)
    {
        GuaranteeCircles = guaranteeCircles;
        Groups = groups;
        PageRank = pageRank;
        Components = components;
        Communities = communities;
        RiskContagion = riskContagion;
        Supply = supply;
        CrossBoundary = crossBoundary;
        CommunityEnterprises = communityEnterprises;
        CommunityNegative = communityNegative;
        Seconds = seconds;
    }

    public PageRankResult PageRank { get; }

    public WccResult Components { get; }

    /// <summary>Louvain communities over enterprises and persons.</summary>
    public LouvainResult Communities { get; }

    /// <summary>Personalized PageRank seeded from enterprises with negative records: how much risk flows to each node.</summary>
    public PersonalizedPageRankResult RiskContagion { get; }

    public SupplyChainContagionResult Supply { get; }

    /// <summary>Guarantee circles, mutual guarantees, triangles and guarantee contagion (issue 13).</summary>
    public GuaranteeCirclesResult GuaranteeCircles { get; }

    /// <summary>Conglomerates (系族) by top controller.</summary>
    public ConglomerateGroupsResult Groups { get; }

    public CrossBoundaryCounts CrossBoundary { get; }

    /// <summary>Enterprises per community index.</summary>
    public int[] CommunityEnterprises { get; }

    /// <summary>Enterprises with a negative record per community index.</summary>
    public int[] CommunityNegative { get; }

    /// <summary>Time taken by each algorithm, for the bench and the logs.</summary>
    public IReadOnlyDictionary<string, double> Seconds { get; }

    public static GraphAnalytics Compute(GraphSnapshot snapshot, GraphAnalyticsParameters? parameters = null, CancellationToken cancellationToken = default) =>
        Compute(snapshot, parameters, ordering: null, crossBoundary: true, cancellationToken);

    /// <param name="crossBoundary">
    /// False when the caller fills <see cref="CrossBoundary"/> itself through <see cref="WithCrossBoundary"/>
    /// (the feature extractor counts it in its own walk of every neighbourhood).
    /// </param>
    /// <param name="ordering">A locality order already built by the caller (used when the parameters ask for one); null builds it here.</param>
    internal static GraphAnalytics Compute(
        GraphSnapshot snapshot, GraphAnalyticsParameters? parameters, NodeOrdering? ordering, bool crossBoundary, CancellationToken cancellationToken)
    {
        var p = parameters ?? new GraphAnalyticsParameters();
        p.Validate();
        var seconds = new Dictionary<string, double>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        T Timed<T>(string name, Func<T> run)
        {
            clock.Restart();
            var result = run();
            seconds[name] = clock.Elapsed.TotalSeconds;
            return result;
        }

        var graph = snapshot.Graph;
        if (!p.LocalityOrder || graph.NodeCount == 0) ordering = null;
        else ordering ??= Timed("locality_order", () => NodeOrdering.Locality(graph, snapshot.EnterpriseCount, p.Concurrency));
        var pageRankParameters = new PageRankParameters(Concurrency: p.Concurrency);
        var pageRank = Timed("pagerank", () => ordering is null
            ? new PageRank(graph, pageRankParameters, cancellationToken).Compute()
            : OrderedRuns.PageRank(ordering, pageRankParameters, cancellationToken));
        var components = Timed("wcc", () => new Wcc(graph, new WccParameters(), cancellationToken).Compute());
        var louvainParameters = new LouvainParameters(Concurrency: p.Concurrency);
        var communities = Timed("louvain", () => ordering is null
            ? new Louvain(graph, louvainParameters, cancellationToken).Compute()
            : OrderedRuns.Louvain(ordering, louvainParameters, cancellationToken));
        var seeds = snapshot.Credit.Negative;
        var contagionParameters = new PersonalizedPageRankParameters(Concurrency: p.Concurrency);
        var contagion = Timed("personalized_pagerank", () => !seeds.Any(s => s)
            ? new PersonalizedPageRankResult(new double[graph.NodeCount], 0, 0, true)
            : ordering is null
                ? new PersonalizedPageRank(graph, seeds, contagionParameters, cancellationToken).Compute()
                : OrderedRuns.PersonalizedPageRank(ordering, seeds, contagionParameters, cancellationToken));
        var supply = Timed("supply_chain", () => new SupplyChainContagion(snapshot, new SupplyChainContagionParameters(Concurrency: p.Concurrency), cancellationToken).Compute());
        var counts = crossBoundary
            ? Timed("cross_boundary", () => new CrossBoundaryPaths(snapshot,
                new CrossBoundaryPathsParameters(MaxDepth: p.CrossBoundaryDepth, HubFanOutCap: p.HubFanOutCap, Concurrency: p.Concurrency), cancellationToken).CountsForAllEnterprises())
            : new CrossBoundaryCounts(p.CrossBoundaryDepth, [], [], []);

        var circles = Timed("guarantee_circles", () => new GuaranteeCircles(snapshot, new GuaranteeCirclesParameters(Concurrency: p.Concurrency), cancellationToken).Compute());
        var groups = Timed("groups", () => new ConglomerateGroups(snapshot, new ConglomerateGroupsParameters(Concurrency: p.Concurrency), cancellationToken).Compute());

        var enterprisesPer = new int[Math.Max(1, communities.CommunityCount)];
        var negativePer = new int[enterprisesPer.Length];
        for (int e = 0; e < snapshot.EnterpriseCount && communities.Community.Length > 0; e++)
        {
            int community = communities.Community[e];
            enterprisesPer[community]++;
            if (snapshot.Credit.Negative[e]) negativePer[community]++;
        }
        return new GraphAnalytics(pageRank, components, communities, contagion, supply, counts, enterprisesPer, negativePer, seconds, circles, groups);
    }

    /// <summary>Results read back from a published analytics snapshot (<see cref="AnalyticsSnapshotFile"/>).</summary>
    internal static GraphAnalytics Restore(
        PageRankResult pageRank, WccResult components, LouvainResult communities, PersonalizedPageRankResult riskContagion,
        SupplyChainContagionResult supply, CrossBoundaryCounts crossBoundary, int[] communityEnterprises, int[] communityNegative,
        IReadOnlyDictionary<string, double> seconds, GuaranteeCirclesResult guaranteeCircles, ConglomerateGroupsResult groups) =>
        new(pageRank, components, communities, riskContagion, supply, crossBoundary, communityEnterprises, communityNegative, seconds,
            guaranteeCircles, groups);

    internal GraphAnalytics WithTiming(string name, double seconds) =>
        new(PageRank, Components, Communities, RiskContagion, Supply, CrossBoundary, CommunityEnterprises, CommunityNegative,
            new Dictionary<string, double>(Seconds) { [name] = seconds }, GuaranteeCircles, Groups);

    /// <summary>The same results with boundary counts computed elsewhere, and that computation's time.</summary>
    internal GraphAnalytics WithCrossBoundary(CrossBoundaryCounts counts, string timingName, double seconds)
    {
        var times = new Dictionary<string, double>(Seconds) { [timingName] = seconds };
        return new GraphAnalytics(PageRank, Components, Communities, RiskContagion, Supply, counts, CommunityEnterprises, CommunityNegative, times,
            GuaranteeCircles, Groups);
    }
}
