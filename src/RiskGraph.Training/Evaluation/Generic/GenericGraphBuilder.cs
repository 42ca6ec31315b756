namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Turns raw edge rows into a <see cref="GenericGraph"/>. Rows with the same endpoints and type (and, when directed,
/// the same direction) are one relation: their weights are <b>summed</b>, because repeated rows in such exports are
/// usually separate contracts, guarantees or stakes between the same pair, and the total is the exposure.
/// Sorting (not hashing) finds the duplicates, and the order of everything depends only on the input, so the same
/// files always give the same arrays.
/// </summary>
public static class GenericGraphBuilder
{
    // A sort key packs (neighbour, type) into one long: 24 bits leave room for 16 million relation types.
    private const int TypeBits = 24;

    public static GenericGraph Build(int nodeCount, RawEdgeList raw, bool directed)
    {
        if (raw.TypeNames.Count >= 1 << TypeBits) throw new EvaluationInputException("Too many relation types.");
        var (first, keys, weights) = GroupBySource(nodeCount, raw, directed);

        // Merge runs of equal (target, type) within each source's bucket.
        var edgeSource = new List<int>();
        var edgeKey = new List<long>();
        var edgeWeight = new List<float>();
        for (int a = 0; a < nodeCount; a++)
        {
            int start = first[a], end = first[a + 1];
            Array.Sort(keys, weights, start, end - start);
            for (int i = start; i < end;)
            {
                double sum = 0;
                int j = i;
                for (; j < end && keys[j] == keys[i]; j++) sum += weights[j];
                edgeSource.Add(a);
                edgeKey.Add(keys[i]);
                edgeWeight.Add((float)Math.Min(sum, float.MaxValue));
                i = j;
            }
        }
        var (typedOffsets, typedTargets, typedChannels, typedWeights) = TypedLayout(nodeCount, edgeSource, edgeKey, edgeWeight, directed);
        var (offsets, neighbours) = SimpleLayout(nodeCount, edgeSource, edgeKey);
        return new GenericGraph(nodeCount, directed, raw.TypeNames.ToArray(), typedOffsets, typedTargets, typedChannels, typedWeights,
            offsets, neighbours, edgeSource.Count, raw.Count - edgeSource.Count);
    }

    /// <summary>Counting sort of the rows by source (the smaller end when undirected) into (target, type) keys.</summary>
    private static (int[] First, long[] Keys, float[] Weights) GroupBySource(int nodeCount, RawEdgeList raw, bool directed)
    {
        ReadOnlySpan<int> sources = raw.Sources, targets = raw.Targets, types = raw.Types;
        ReadOnlySpan<float> rawWeights = raw.Weights;
        var first = new int[nodeCount + 1];
        for (int i = 0; i < raw.Count; i++) first[Source(sources[i], targets[i], directed) + 1]++;
        for (int v = 0; v < nodeCount; v++) first[v + 1] += first[v];
        var cursor = first[..nodeCount];
        var keys = new long[raw.Count];
        var weights = new float[raw.Count];
        for (int i = 0; i < raw.Count; i++)
        {
            int a = Source(sources[i], targets[i], directed);
            int b = a == sources[i] ? targets[i] : sources[i];
            int at = cursor[a]++;
            keys[at] = ((long)b << TypeBits) | (uint)types[i];
            weights[at] = rawWeights[i];
        }
        return (first, keys, weights);
    }

    private static int Source(int source, int target, bool directed) => directed ? source : Math.Min(source, target);

    private static (int[], int[], int[], float[]) TypedLayout(
        int nodeCount, List<int> edgeSource, List<long> edgeKey, List<float> edgeWeight, bool directed)
    {
        var offsets = new int[nodeCount + 1];
        for (int e = 0; e < edgeSource.Count; e++)
        {
            offsets[edgeSource[e] + 1]++;
            offsets[(int)(edgeKey[e] >> TypeBits) + 1]++;
        }
        for (int v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
        var cursor = offsets[..nodeCount];
        int slots = offsets[nodeCount];
        var targets = new int[slots];
        var channels = new int[slots];
        var weights = new float[slots];
        for (int e = 0; e < edgeSource.Count; e++)
        {
            int a = edgeSource[e], b = (int)(edgeKey[e] >> TypeBits), type = (int)(edgeKey[e] & ((1L << TypeBits) - 1));
            int at = cursor[a]++;
            (targets[at], channels[at], weights[at]) = (b, directed ? 2 * type : type, edgeWeight[e]);
            at = cursor[b]++;
            (targets[at], channels[at], weights[at]) = (a, directed ? 2 * type + 1 : type, edgeWeight[e]);
        }
        return (offsets, targets, channels, weights);
    }

    /// <summary>Distinct unordered node pairs over all types and directions, stored at both ends.</summary>
    private static (int[] Offsets, int[] Neighbours) SimpleLayout(int nodeCount, List<int> edgeSource, List<long> edgeKey)
    {
        var pairs = new long[edgeSource.Count];
        for (int e = 0; e < pairs.Length; e++)
        {
            int a = edgeSource[e], b = (int)(edgeKey[e] >> TypeBits);
            pairs[e] = ((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);
        }
        Array.Sort(pairs);
        int unique = 0;
        for (int i = 0; i < pairs.Length; i++)
        {
            if (i == 0 || pairs[i] != pairs[i - 1]) pairs[unique++] = pairs[i];
        }
        var offsets = new int[nodeCount + 1];
        for (int i = 0; i < unique; i++)
        {
            offsets[(int)(pairs[i] >> 32) + 1]++;
            offsets[(int)(pairs[i] & uint.MaxValue) + 1]++;
        }
        for (int v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
        var cursor = offsets[..nodeCount];
        var neighbours = new int[offsets[nodeCount]];
        for (int i = 0; i < unique; i++)
        {
            int a = (int)(pairs[i] >> 32), b = (int)(pairs[i] & uint.MaxValue);
            neighbours[cursor[a]++] = b;
            neighbours[cursor[b]++] = a;
        }
        return (offsets, neighbours);
    }
}
