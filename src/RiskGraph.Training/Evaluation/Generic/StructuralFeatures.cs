using RiskGraph.Model.Algorithms.Components;
using RiskGraph.Model.Algorithms.Ranking;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// The label-free columns (own attributes and structure) of every node, computed once and shared by all folds:
/// nothing here reads a label, so nothing here can leak one. The label-derived block is left at zero for
/// <see cref="FoldFeatureBuilder"/> to fill per fold.
/// </summary>
public static class StructuralFeatures
{
    /// <summary>Row-major n × layout.Count values; missing values are already replaced by column sentinels.</summary>
    public static float[] Compute(NodeTable nodes, GenericGraph graph, GenericFeatureLayout layout)
    {
        int n = nodes.Count, columns = layout.Count;
        var values = new float[n * columns];
        for (int a = 0; a < nodes.AttributeNames.Count; a++)
        {
            float[] attribute = nodes.Attributes[a];
            for (int v = 0; v < n; v++) values[v * columns + a] = attribute[v];
        }
        WriteFrequency(nodes.Industry, layout.IndustryFrequency, values, columns);
        WriteFrequency(nodes.Region, layout.RegionFrequency, values, columns);
        WriteChannels(graph, layout, values, columns);
        WriteWholeGraph(graph, layout, values, columns);
        for (int a = 0; a < nodes.AttributeNames.Count; a++) NeighbourAggregates.Write(graph, nodes.Attributes[a], layout, a, values);
        WriteBoundary(graph, nodes.Industry, layout.CrossIndustry, layout.CrossIndustryShare, values, columns);
        WriteBoundary(graph, nodes.Region, layout.CrossRegion, layout.CrossRegionShare, values, columns);
        MissingValueSentinels.Apply(values, n, columns, 0, layout.LabelStart);
        return values;
    }

    private static void WriteFrequency(CategoryColumn? category, int column, float[] values, int columns)
    {
        if (category is null) return;
        int[] frequency = category.Frequencies();
        for (int v = 0; v < category.Codes.Length; v++)
        {
            int code = category.Codes[v];
            values[v * columns + column] = code == CategoryColumn.Missing ? float.NaN : frequency[code];
        }
    }

    private static void WriteChannels(GenericGraph graph, GenericFeatureLayout layout, float[] values, int columns)
    {
        int[] offsets = graph.TypedOffsets, channels = graph.TypedChannels;
        float[] weights = graph.TypedWeights;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            int row = v * columns;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                values[row + layout.ChannelDegree(channels[e])] += 1;
                values[row + layout.ChannelWeight(channels[e])] += weights[e];
            }
        }
    }

    private static void WriteWholeGraph(GenericGraph graph, GenericFeatureLayout layout, float[] values, int columns)
    {
        int n = graph.NodeCount;
        if (n == 0) return;
        var model = graph.ToModelGraph();
        // PageRank's default settings; the undirected view, because exposure runs both ways along a risk relation.
        double[] rank = new PageRank(model, new PageRankParameters()).Compute().Scores;
        var components = new Wcc(model, new WccParameters()).Compute();
        for (int v = 0; v < n; v++)
        {
            int row = v * columns;
            values[row + layout.DegreeTotal] = graph.Degree(v);
            values[row + layout.PageRankScaled] = (float)(rank[v] * n);
            values[row + layout.ComponentSizeLog] = (float)Math.Log10(components.Sizes[components.Component[v]]);
        }
    }

    /// <summary>Neighbours in another category, and their share among neighbours whose category is known.</summary>
    private static void WriteBoundary(GenericGraph graph, CategoryColumn? category, int countColumn, int shareColumn, float[] values, int columns)
    {
        if (category is null) return;
        int[] codes = category.Codes, offsets = graph.Offsets, neighbours = graph.Neighbours;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            int row = v * columns, own = codes[v];
            if (own == CategoryColumn.Missing)
            {
                values[row + countColumn] = values[row + shareColumn] = float.NaN;
                continue;
            }
            int known = 0, other = 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                int code = codes[neighbours[e]];
                if (code == CategoryColumn.Missing) continue;
                known++;
                if (code != own) other++;
            }
            values[row + countColumn] = other;
            values[row + shareColumn] = known == 0 ? float.NaN : (float)other / known;
        }
    }
}
