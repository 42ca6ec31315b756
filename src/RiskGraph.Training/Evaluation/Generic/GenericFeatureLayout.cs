using RiskGraph.Model.Features;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Column layout of the generic feature matrix, in three blocks:
/// own attributes (what the attributes-only baseline sees), label-free structure, and label-derived features that
/// are recomputed per fold from training-fold labels only. Attributes come first so the baseline is the same
/// schema cut at <see cref="AttributeCount"/>, as <see cref="FeatureSchema.AttributesOnly"/> expects.
/// </summary>
public sealed class GenericFeatureLayout
{
    public const string SchemaVersion = "generic-1";
    public const int Absent = -1;

    private readonly List<string> _names = [];
    private readonly List<string> _descriptions = [];
    private readonly int _channelStart, _aggregateStart;

    public GenericFeatureLayout(NodeTable nodes, GenericGraph graph)
    {
        for (int a = 0; a < nodes.AttributeNames.Count; a++) Add(nodes.AttributeNames[a], "own attribute from nodes.csv");
        IndustryFrequency = nodes.Industry is null ? Absent : Add("industry_frequency", "nodes sharing its industry (label-free encoding)");
        RegionFrequency = nodes.Region is null ? Absent : Add("region_frequency", "nodes sharing its region (label-free encoding)");
        AttributeCount = _names.Count;

        _channelStart = _names.Count;
        foreach (string channel in graph.ChannelNames)
        {
            Add($"degree:{channel}", $"{channel} relations");
            Add($"weight_sum:{channel}", $"summed weight of {channel} relations");
        }
        DegreeTotal = Add("degree_total", "distinct neighbours over all relation types");
        PageRankScaled = Add("pagerank_scaled", "PageRank on the undirected view times node count (1 = average)");
        ComponentSizeLog = Add("component_size_log10", "log10 of the size of its connected component");
        _aggregateStart = _names.Count;
        foreach (string attribute in nodes.AttributeNames)
        {
            Add($"nbr_mean:{attribute}", $"mean of {attribute} over neighbours that have it");
            Add($"nbr_max:{attribute}", $"max of {attribute} over neighbours");
            Add($"nbr2_mean:{attribute}", $"mean over neighbours of their nbr_mean:{attribute} (two hops)");
        }
        CrossIndustry = nodes.Industry is null ? Absent : Add("cross_industry_neighbours", "neighbours in another industry");
        CrossIndustryShare = nodes.Industry is null ? Absent : Add("cross_industry_share", "share of neighbours with a known industry that are in another");
        CrossRegion = nodes.Region is null ? Absent : Add("cross_region_neighbours", "neighbours in another region");
        CrossRegionShare = nodes.Region is null ? Absent : Add("cross_region_share", "share of neighbours with a known region that are in another");

        LabelStart = _names.Count;
        foreach (string channel in graph.ChannelNames)
        {
            Add($"risky_neighbours:{channel}", $"{channel} neighbours known risky (training-fold labels)");
            Add($"risky_share:{channel}", $"risky share of {channel} neighbours with a training-fold label, -1 if none");
        }
        RiskyTotal = Add("risky_neighbours_total", "distinct neighbours known risky (training-fold labels)");
        RiskyShareTotal = Add("risky_share_total", "risky share of neighbours with a training-fold label, -1 if none");
        RiskyTwoHopPaths = Add("risky_2hop_paths", "paths v-u-w with w != v known risky (training-fold labels)");
        Schema = new FeatureSchema(SchemaVersion, _names.ToArray(), AttributeCount, _descriptions.ToArray());
    }

    public FeatureSchema Schema { get; }

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>Own attributes plus category frequencies: the attributes-only block.</summary>
    public int AttributeCount { get; }

    /// <summary>First column of the label-derived block; everything before it is computed once, without labels.</summary>
    public int LabelStart { get; }

    public int IndustryFrequency { get; }

    public int RegionFrequency { get; }

    public int DegreeTotal { get; }

    public int PageRankScaled { get; }

    public int ComponentSizeLog { get; }

    public int CrossIndustry { get; }

    public int CrossIndustryShare { get; }

    public int CrossRegion { get; }

    public int CrossRegionShare { get; }

    public int RiskyTotal { get; }

    public int RiskyShareTotal { get; }

    public int RiskyTwoHopPaths { get; }

    public int ChannelDegree(int channel) => _channelStart + 2 * channel;

    public int ChannelWeight(int channel) => _channelStart + 2 * channel + 1;

    public int NeighbourMean(int attribute) => _aggregateStart + 3 * attribute;

    public int NeighbourMax(int attribute) => _aggregateStart + 3 * attribute + 1;

    public int TwoHopMean(int attribute) => _aggregateStart + 3 * attribute + 2;

    public int RiskyCount(int channel) => LabelStart + 2 * channel;

    public int RiskyShare(int channel) => LabelStart + 2 * channel + 1;

    private int Add(string name, string description)
    {
        _names.Add(name);
        _descriptions.Add(description);
        return _names.Count - 1;
    }
}
