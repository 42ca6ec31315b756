namespace RiskGraph.Model.Graph;

/// <summary>
/// A renumbering of a graph's nodes for memory locality, and the graph under the new ids. Whole-graph algorithms
/// spend most of their time reading per-node arrays at random neighbour ids; in breadth-first order a node's
/// neighbours sit close to it and to each other, so those reads mostly hit cache lines already loaded (McSherry
/// et al., "Scalability! But at what COST?", 2015). Built once per snapshot; results are mapped back to the
/// snapshot's ids with <see cref="ToOriginal{T}"/>, so callers never see the new ids.
/// <para>
/// Enterprises keep the ids below the enterprise count (the id space's contract): the breadth-first sweep ranks
/// all nodes, then enterprises take the low ids and persons the high ones, each in sweep order.
/// </para>
/// </summary>
public sealed class NodeOrdering
{
    private NodeOrdering(int[] newId, int[] oldId, CsrGraph graph)
    {
        NewId = newId;
        OldId = oldId;
        Graph = graph;
    }

    /// <summary>New id per original id.</summary>
    public int[] NewId { get; }

    /// <summary>Original id per new id.</summary>
    public int[] OldId { get; }

    /// <summary>The graph under the new ids; each node's slots keep their original order.</summary>
    public CsrGraph Graph { get; }

    /// <summary>Breadth-first order: roots in id order, neighbours in adjacency order; deterministic.</summary>
    /// <param name="concurrency">Threads for laying out the renumbered CSR (the sweep itself is sequential).</param>
    public static NodeOrdering Locality(CsrGraph graph, int enterpriseCount, int concurrency = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1, nameof(concurrency));
        int n = graph.NodeCount;
        if ((uint)enterpriseCount > (uint)n) throw new ArgumentOutOfRangeException(nameof(enterpriseCount));
        int[] sweep = BreadthFirstSweep(graph);
        var newId = new int[n];
        var oldId = new int[n];
        int nextEnterprise = 0, nextPerson = enterpriseCount;
        foreach (int v in sweep)
        {
            int id = v < enterpriseCount ? nextEnterprise++ : nextPerson++;
            newId[v] = id;
            oldId[id] = v;
        }
        return new NodeOrdering(newId, oldId, Permute(graph, newId, oldId, concurrency));
    }

    /// <summary>Values indexed by new id, re-indexed by original id.</summary>
    public T[] ToOriginal<T>(T[] ordered)
    {
        if (ordered.Length != OldId.Length) throw new ArgumentException("One value per node is needed.", nameof(ordered));
        var original = new T[ordered.Length];
        for (int id = 0; id < ordered.Length; id++) original[OldId[id]] = ordered[id];
        return original;
    }

    /// <summary>Values indexed by original id, re-indexed by new id.</summary>
    public T[] ToOrdered<T>(T[] original)
    {
        if (original.Length != NewId.Length) throw new ArgumentException("One value per node is needed.", nameof(original));
        var ordered = new T[original.Length];
        for (int v = 0; v < original.Length; v++) ordered[NewId[v]] = original[v];
        return ordered;
    }

    private static int[] BreadthFirstSweep(CsrGraph graph)
    {
        int n = graph.NodeCount;
        int[] offsets = graph.Offsets, targets = graph.Targets;
        // The queue is the order: every node enters it exactly once.
        var queue = new int[n];
        var seen = new bool[n];
        int tail = 0;
        for (int root = 0; root < n; root++)
        {
            if (seen[root]) continue;
            seen[root] = true;
            int head = tail;
            queue[tail++] = root;
            while (head < tail)
            {
                int u = queue[head++];
                for (int e = offsets[u], end = offsets[u + 1]; e < end; e++)
                {
                    int v = targets[e];
                    if (seen[v]) continue;
                    seen[v] = true;
                    queue[tail++] = v;
                }
            }
        }
        return queue;
    }

    private static CsrGraph Permute(CsrGraph graph, int[] newId, int[] oldId, int concurrency)
    {
        int n = graph.NodeCount;
        int[] offsets = graph.Offsets, targets = graph.Targets;
        byte[] kinds = graph.Kinds;
        float[] weights = graph.Weights;
        var newOffsets = new int[n + 1];
        for (int id = 0; id < n; id++)
        {
            int v = oldId[id];
            newOffsets[id + 1] = newOffsets[id] + offsets[v + 1] - offsets[v];
        }
        var newTargets = new int[targets.Length];
        var newKinds = new byte[targets.Length];
        var newWeights = new float[targets.Length];
        // In new-id order: writes are sequential, reads jump once per node (most nodes have a few slots, so a plain
        // loop beats a call to Array.Copy per node). Ranges of new ids write disjoint slots, so threads may split them.
        void Range(int from, int to)
        {
            for (int id = from; id < to; id++)
            {
                int v = oldId[id], at = newOffsets[id];
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++, at++)
                {
                    newTargets[at] = newId[targets[e]];
                    newKinds[at] = kinds[e];
                    newWeights[at] = weights[e];
                }
            }
        }
        const int chunk = 65_536;
        int chunks = (n + chunk - 1) / chunk;
        if (concurrency == 1 || chunks <= 1) Range(0, n);
        else Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, c => Range(c * chunk, Math.Min(n, (c + 1) * chunk)));
        return new CsrGraph(newOffsets, newTargets, newKinds, newWeights);
    }
}
