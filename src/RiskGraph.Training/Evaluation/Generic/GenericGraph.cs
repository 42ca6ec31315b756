using RiskGraph.Model.Graph;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// A graph with arbitrary relation types over dense node ids, in two CSR layouts (arrays only, so feature loops
/// never hash):
/// <list type="bullet">
/// <item>typed: every merged edge at both ends, each slot tagged with a channel: the relation type when the graph
/// is undirected, or type × 2 (+1 at the target end) when directed, so "supply_out" and "supply_in" are separate;</item>
/// <item>simple: distinct neighbours regardless of type and direction, for PageRank, components and aggregates.</item>
/// </list>
/// </summary>
public sealed class GenericGraph(
    int nodeCount,
    bool directed,
    IReadOnlyList<string> relationTypes,
    int[] typedOffsets,
    int[] typedTargets,
    int[] typedChannels,
    float[] typedWeights,
    int[] offsets,
    int[] neighbours,
    int edgeCount,
    int duplicatesMerged)
{
    private CsrGraph? _modelGraph;

    public int NodeCount { get; } = nodeCount;

    public bool Directed { get; } = directed;

    public IReadOnlyList<string> RelationTypes { get; } = relationTypes;

    /// <summary>Channel names: the relation types, or type_out / type_in for each type when directed.</summary>
    public IReadOnlyList<string> ChannelNames { get; } = directed
        ? relationTypes.SelectMany(t => new[] { t + "_out", t + "_in" }).ToArray()
        : relationTypes.ToArray();

    public int ChannelCount => ChannelNames.Count;

    public int[] TypedOffsets { get; } = typedOffsets;

    public int[] TypedTargets { get; } = typedTargets;

    public int[] TypedChannels { get; } = typedChannels;

    public float[] TypedWeights { get; } = typedWeights;

    /// <summary>Simple undirected adjacency: node v's distinct neighbours are Neighbours[Offsets[v]..Offsets[v+1]).</summary>
    public int[] Offsets { get; } = offsets;

    public int[] Neighbours { get; } = neighbours;

    /// <summary>Edges after merging duplicates (one per node pair, type and, when directed, direction).</summary>
    public int EdgeCount { get; } = edgeCount;

    /// <summary>Input rows folded into an earlier identical edge.</summary>
    public int DuplicatesMerged { get; } = duplicatesMerged;

    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    /// <summary>The simple adjacency as the model library's CSR graph, for its PageRank and WCC (which ignore kinds and weights here).</summary>
    public CsrGraph ToModelGraph()
    {
        if (_modelGraph is not null) return _modelGraph;
        var weights = new float[Neighbours.Length];
        Array.Fill(weights, 1f);
        return _modelGraph = new CsrGraph(Offsets, Neighbours, new byte[Neighbours.Length], weights);
    }
}
