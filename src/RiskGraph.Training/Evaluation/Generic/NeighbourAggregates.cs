namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Mean and max of one numeric attribute over each node's distinct neighbours, and the two-hop mean (the mean of
/// the neighbours' means). Missing values are skipped; a node with no neighbour carrying the attribute gets NaN,
/// which the sentinel step turns into "below every observed value".
/// </summary>
internal static class NeighbourAggregates
{
    public static void Write(GenericGraph graph, float[] attribute, GenericFeatureLayout layout, int index, float[] values)
    {
        int n = graph.NodeCount, columns = layout.Count;
        int meanColumn = layout.NeighbourMean(index), maxColumn = layout.NeighbourMax(index), twoHopColumn = layout.TwoHopMean(index);
        var means = new float[n];
        var maxima = new float[n];
        MeanAndMax(graph, attribute, means, maxima);
        var twoHop = new float[n];
        MeanAndMax(graph, means, twoHop, maxima: null);
        for (int v = 0; v < n; v++)
        {
            int row = v * columns;
            values[row + meanColumn] = means[v];
            values[row + maxColumn] = maxima[v];
            values[row + twoHopColumn] = twoHop[v];
        }
    }

    private static void MeanAndMax(GenericGraph graph, float[] source, float[] means, float[]? maxima)
    {
        int[] offsets = graph.Offsets, neighbours = graph.Neighbours;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            double sum = 0;
            int count = 0;
            float max = float.NegativeInfinity;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                float x = source[neighbours[e]];
                if (float.IsNaN(x)) continue;
                sum += x;
                count++;
                if (x > max) max = x;
            }
            means[v] = count == 0 ? float.NaN : (float)(sum / count);
            if (maxima is not null) maxima[v] = count == 0 ? float.NaN : max;
        }
    }
}
