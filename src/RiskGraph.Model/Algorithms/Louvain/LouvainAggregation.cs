namespace RiskGraph.Model.Algorithms;

/// <summary>
/// Louvain's second phase: renumber a level's communities densely and collapse each into one node of the next
/// level. Communities are numbered in order of their first node, so numbering follows smallest member id all
/// the way up. Each community's edges are summed in a dense array with a stamp and touched list, the same trick
/// as the local moves; communities are independent, so they are built in batches on several threads and the
/// batches are concatenated in order, which keeps the output identical for any thread count.
/// </summary>
internal static class LouvainAggregation
{
    /// <summary>Rewrites <paramref name="community"/> to 0..count-1 in order of first appearance; returns count.</summary>
    public static int Renumber(int[] community)
    {
        var dense = new int[community.Length];
        Array.Fill(dense, -1);
        int count = 0;
        for (int v = 0; v < community.Length; v++)
        {
            int c = community[v];
            if (dense[c] < 0) dense[c] = count++;
            community[v] = dense[c];
        }
        return count;
    }

    /// <param name="community">Dense community per node of <paramref name="graph"/>.</param>
    public static LouvainLevelGraph Collapse(
        LouvainLevelGraph graph, int[] community, int count, int concurrency, CancellationToken cancellationToken)
    {
        var (memberOffsets, members) = GroupMembers(community, count);
        int batches = (count + NodeBatches.BatchSize - 1) / NodeBatches.BatchSize;
        var batchTargets = new int[batches][];
        var batchWeights = new double[batches][];
        var degree = new int[count];
        var pool = new System.Collections.Concurrent.ConcurrentBag<CommunityAccumulator>();
        NodeBatches.Run(count, concurrency, cancellationToken, (start, end) =>
        {
            if (!pool.TryTake(out var accumulator)) accumulator = new CommunityAccumulator(count);
            int b = start / NodeBatches.BatchSize;
            (batchTargets[b], batchWeights[b]) = accumulator.Build(graph, community, memberOffsets, members, start, end, degree);
            pool.Add(accumulator);
        });

        var offsets = new int[count + 1];
        for (int c = 0; c < count; c++) offsets[c + 1] = offsets[c] + degree[c];
        var targets = new int[offsets[count]];
        var weights = new double[offsets[count]];
        for (int b = 0; b < batches; b++)
        {
            int at = offsets[b * NodeBatches.BatchSize];
            Array.Copy(batchTargets[b], 0, targets, at, batchTargets[b].Length);
            Array.Copy(batchWeights[b], 0, weights, at, batchWeights[b].Length);
        }
        return new LouvainLevelGraph(offsets, targets, weights);
    }

    /// <summary>Counting sort of nodes by community; members of a community stay in node order.</summary>
    private static (int[] Offsets, int[] Members) GroupMembers(int[] community, int count)
    {
        var offsets = new int[count + 1];
        foreach (int c in community) offsets[c + 1]++;
        for (int c = 0; c < count; c++) offsets[c + 1] += offsets[c];
        var cursor = offsets[..count];
        var members = new int[community.Length];
        for (int v = 0; v < community.Length; v++) members[cursor[community[v]]++] = v;
        return (offsets, members);
    }

    /// <summary>One thread's dense accumulator over next-level node ids.</summary>
    private sealed class CommunityAccumulator(int count)
    {
        private readonly double[] _weight = new double[count];
        private readonly int[] _stamp = CreateStamps(count);
        private int[] _touched = new int[64];

        public (int[] Targets, double[] Weights) Build(
            LouvainLevelGraph graph, int[] community, int[] memberOffsets, int[] members, int start, int end, int[] degree)
        {
            int[] offsets = graph.Offsets, targets = graph.Targets;
            double[]? weights = graph.Weights;
            var outTargets = new List<int>();
            var outWeights = new List<double>();
            for (int c = start; c < end; c++)
            {
                int touched = 0;
                for (int i = memberOffsets[c]; i < memberOffsets[c + 1]; i++)
                {
                    int v = members[i];
                    for (int e = offsets[v], last = offsets[v + 1]; e < last; e++)
                    {
                        int d = community[targets[e]];
                        if (_stamp[d] != c)
                        {
                            _stamp[d] = c;
                            _weight[d] = 0;
                            if (touched == _touched.Length) Array.Resize(ref _touched, touched * 2);
                            _touched[touched++] = d;
                        }
                        _weight[d] += weights is null ? 1 : weights[e];
                    }
                }
                for (int i = 0; i < touched; i++)
                {
                    outTargets.Add(_touched[i]);
                    outWeights.Add(_weight[_touched[i]]);
                }
                degree[c] = touched;
            }
            return (outTargets.ToArray(), outWeights.ToArray());
        }

        private static int[] CreateStamps(int count)
        {
            var stamps = new int[count];
            Array.Fill(stamps, -1);
            return stamps;
        }
    }
}
