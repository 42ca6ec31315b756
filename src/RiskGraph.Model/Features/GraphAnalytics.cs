using RiskGraph.Model.Algorithms;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Features;

/// <param name="CrossBoundaryDepth">Hops searched for risky enterprises across an industry or region boundary.</param>
public sealed record GraphAnalyticsParameters(int Concurrency = AnalyticsConcurrency.Auto, int HubFanOutCap = 64, int CrossBoundaryDepth = 3)
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
        IReadOnlyDictionary<string, double> seconds)
    {
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

    public CrossBoundaryCounts CrossBoundary { get; }

    /// <summary>Enterprises per community index.</summary>
    public int[] CommunityEnterprises { get; }

    /// <summary>Enterprises with a negative record per community index.</summary>
    public int[] CommunityNegative { get; }

    /// <summary>Time taken by each algorithm, for the bench and the logs.</summary>
    public IReadOnlyDictionary<string, double> Seconds { get; }

    public static GraphAnalytics Compute(GraphSnapshot snapshot, GraphAnalyticsParameters? parameters = null, CancellationToken cancellationToken = default)
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
        var pageRank = Timed("pagerank", () => new PageRank(graph, new PageRankParameters(Concurrency: p.Concurrency), cancellationToken).Compute());
        var components = Timed("wcc", () => new Wcc(graph, new WccParameters(), cancellationToken).Compute());
        var communities = Timed("louvain", () => new Louvain(graph, new LouvainParameters(Concurrency: p.Concurrency), cancellationToken).Compute());
        var seeds = new bool[graph.NodeCount];
        Array.Copy(snapshot.Credit.Negative, seeds, snapshot.EnterpriseCount);
        var contagion = Timed("personalized_pagerank", () => seeds.Any(s => s)
            ? new PersonalizedPageRank(graph, seeds, new PersonalizedPageRankParameters(Concurrency: p.Concurrency), cancellationToken).Compute()
            : new PersonalizedPageRankResult(new double[graph.NodeCount], 0, 0, true));
        var supply = Timed("supply_chain", () => new SupplyChainContagion(snapshot, new SupplyChainContagionParameters(Concurrency: p.Concurrency), cancellationToken).Compute());
        var crossBoundary = Timed("cross_boundary", () => new CrossBoundaryPaths(snapshot,
            new CrossBoundaryPathsParameters(MaxDepth: p.CrossBoundaryDepth, HubFanOutCap: p.HubFanOutCap, Concurrency: p.Concurrency), cancellationToken).CountsForAllEnterprises());

        var enterprisesPer = new int[Math.Max(1, communities.CommunityCount)];
        var negativePer = new int[enterprisesPer.Length];
        for (int e = 0; e < snapshot.EnterpriseCount && communities.Community.Length > 0; e++)
        {
            int community = communities.Community[e];
            enterprisesPer[community]++;
            if (snapshot.Credit.Negative[e]) negativePer[community]++;
        }
        return new GraphAnalytics(pageRank, components, communities, contagion, supply, crossBoundary, enterprisesPer, negativePer, seconds);
    }
}
