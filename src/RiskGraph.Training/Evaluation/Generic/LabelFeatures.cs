namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// The label-derived block: per channel and in total, how many neighbours are known risky and what share of the
/// neighbours with a known label that is, plus two-hop paths to known-risky nodes. "Known" means visible in the
/// labels passed in, which for a fold are the training-fold labels only. A node's own label never counts towards
/// its own features, not even through a path back to itself, so training rows do not see their answer either.
/// </summary>
internal static class LabelFeatures
{
    /// <summary>Share value when no neighbour has a visible label; shares are otherwise in [0, 1].</summary>
    public const float NoKnownNeighbour = -1f;

    public static void Write(GenericGraph graph, GenericFeatureLayout layout, sbyte[] visible, float[] values)
    {
        int n = graph.NodeCount, columns = layout.Count, channelCount = graph.ChannelCount;
        var known = new int[channelCount];
        var risky = new int[channelCount];
        int[] offsets = graph.TypedOffsets, targets = graph.TypedTargets, channels = graph.TypedChannels;
        for (int v = 0; v < n; v++)
        {
            Array.Clear(known);
            Array.Clear(risky);
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                sbyte label = visible[targets[e]];
                if (label < 0) continue;
                known[channels[e]]++;
                risky[channels[e]] += label;
            }
            int row = v * columns;
            for (int c = 0; c < channelCount; c++)
            {
                values[row + layout.RiskyCount(c)] = risky[c];
                values[row + layout.RiskyShare(c)] = Share(risky[c], known[c]);
            }
        }
        WriteTotals(graph, layout, visible, values);
    }

    private static void WriteTotals(GenericGraph graph, GenericFeatureLayout layout, sbyte[] visible, float[] values)
    {
        int n = graph.NodeCount, columns = layout.Count;
        int[] offsets = graph.Offsets, neighbours = graph.Neighbours;
        var riskyNeighbours = new int[n];
        for (int v = 0; v < n; v++)
        {
            int known = 0, risky = 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                sbyte label = visible[neighbours[e]];
                if (label < 0) continue;
                known++;
                risky += label;
            }
            riskyNeighbours[v] = risky;
            values[v * columns + layout.RiskyTotal] = risky;
            values[v * columns + layout.RiskyShareTotal] = Share(risky, known);
        }
        for (int v = 0; v < n; v++)
        {
            // Every neighbour u of v has v among its own neighbours, so each u's count includes v once when v is
            // visibly risky: subtracting that keeps v's own label out of its features.
            long paths = 0;
            int selfVisiblyRisky = visible[v] == 1 ? 1 : 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++) paths += riskyNeighbours[neighbours[e]] - selfVisiblyRisky;
            values[v * columns + layout.RiskyTwoHopPaths] = paths;
        }
    }

    private static float Share(int risky, int known) => known == 0 ? NoKnownNeighbour : (float)risky / known;
}
