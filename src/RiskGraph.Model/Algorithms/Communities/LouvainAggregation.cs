
namespace RiskGraph.Model.Algorithms.Communities;

/// <summary>
/// Louvain's second phase: renumber a level's communities densely and collapse each into one node of the next
/// level. Communities are numbered in order of their first node, so numbering follows smallest member id all the
/// way up. Layout by prefix sums instead of growing lists: a community can have at most as many distinct
/// neighbours as its members have slots, so every community first gets that much room (a prefix sum over member
/// degrees), is filled there by whichever thread takes it, and the rows are then packed by a second prefix sum
/// over the actual neighbour counts. Each community's row depends only on its members, so the output is
/// identical for any thread count.
/// </summary>
internal static class LouvainAggregation
{
    private const int BatchSize = 4_096;

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
        int[] offsets = graph.Offsets;
        var room = new int[count + 1];
        for (int c = 0; c < count; c++)
        {
            int slots = 0;
            for (int i = memberOffsets[c]; i < memberOffsets[c + 1]; i++) slots += offsets[members[i] + 1] - offsets[members[i]];
            room[c + 1] = room[c] + slots;
        }
        var roomyTargets = new int[room[count]];
        var roomyWeights = new double[room[count]];
        var degree = new int[count];
        var rows = new Rows(graph, community, memberOffsets, members, room, roomyTargets, roomyWeights, degree);
        ForBatches(count, concurrency, cancellationToken, () => new LouvainAccumulator(count), rows.Fill);

        var packed = new int[count + 1];
        for (int c = 0; c < count; c++) packed[c + 1] = packed[c] + degree[c];
        var targets = new int[packed[count]];
        var weights = new double[packed[count]];
        ForBatches(count, concurrency, cancellationToken, () => 0, (start, end, _) =>
        {
            for (int c = start; c < end; c++)
            {
                Array.Copy(roomyTargets, room[c], targets, packed[c], degree[c]);
                Array.Copy(roomyWeights, room[c], weights, packed[c], degree[c]);
            }
        });
        return new LouvainLevelGraph(packed, targets, weights);
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

    /// <summary>Runs body over fixed batches of community ids, each thread with its own local state.</summary>
    private static void ForBatches<TLocal>(
        int count, int concurrency, CancellationToken cancellationToken, Func<TLocal> local, Action<int, int, TLocal> body)
    {
        int batches = (count + BatchSize - 1) / BatchSize;
        if (concurrency == 1 || batches <= 1)
        {
            var state = local();
            for (int b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(b * BatchSize, Math.Min(count, (b + 1) * BatchSize), state);
            }
            return;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        Parallel.For(0, batches, options, local, (b, _, state) =>
        {
            body(b * BatchSize, Math.Min(count, (b + 1) * BatchSize), state);
            return state;
        }, _ => { });
    }

    /// <summary>Writes each community's summed edges to next-level communities into its room, in first-touch order.</summary>
    private sealed class Rows(
        LouvainLevelGraph graph, int[] community, int[] memberOffsets, int[] members, int[] room,
        int[] roomyTargets, double[] roomyWeights, int[] degree)
    {
        public void Fill(int start, int end, LouvainAccumulator accumulator)
        {
            if (graph.Weights is null) Fill(new UnitWeights(), start, end, accumulator);
            else Fill(new SlotWeights(graph.Weights), start, end, accumulator);
        }

        private void Fill<TWeights>(TWeights weights, int start, int end, LouvainAccumulator accumulator)
            where TWeights : struct, ILouvainWeights
        {
            int[] offsets = graph.Offsets, targets = graph.Targets;
            for (int c = start; c < end; c++)
            {
                accumulator.Begin();
                for (int i = memberOffsets[c]; i < memberOffsets[c + 1]; i++)
                {
                    int v = members[i];
                    for (int e = offsets[v], last = offsets[v + 1]; e < last; e++) accumulator.Add(community[targets[e]], weights.At(e));
                }
                int at = room[c];
                foreach (int d in accumulator.Touched)
                {
                    roomyTargets[at] = d;
                    roomyWeights[at++] = accumulator.WeightTo(d);
                }
                degree[c] = accumulator.Count;
            }
        }
    }
}
