using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Traversal;

/// <summary>
/// Breadth-first search for batch modes that only need the set of nodes reached and their depths, run once per
/// enterprise millions of times. Visited marks are one bit per node (386 KB at three million nodes, so they stay
/// in a core's L2 cache, where a 12 MB stamp array per thread would evict the graph from the shared L3) and are
/// cleared through the queue; depths come from level boundaries in the queue. Same expansion rules as
/// <see cref="BoundedBfs"/>: all edge kinds, hubs other than the source reached but not expanded.
/// </summary>
internal sealed class BitsetBfs(CsrGraph graph)
{
    private readonly ulong[] _visited = new ulong[(graph.NodeCount + 63) >> 6];
    private int[] _queue = new int[Math.Min(graph.NodeCount, 256)];
    private int _count;

    /// <summary>Nodes reached by the last search, in breadth-first order, the source first.</summary>
    public ReadOnlySpan<int> Reached => _queue.AsSpan(0, _count);

    public void Run(int source, int maxDepth, int hubCap)
    {
        // Clear the previous search's marks: a few hundred writes instead of the whole bit array.
        for (int i = 0; i < _count; i++) _visited[_queue[i] >> 6] = 0;
        int[] offsets = graph.Offsets, targets = graph.Targets;
        _count = 0;
        Push(source);
        int head = 0, levelEnd = 1;
        for (int depth = 0; depth < maxDepth && head < _count; depth++, levelEnd = _count)
        {
            for (; head < levelEnd; head++)
            {
                int u = _queue[head];
                int start = offsets[u], end = offsets[u + 1];
                if (u != source && end - start > hubCap) continue;
                for (int e = start; e < end; e++)
                {
                    int v = targets[e];
                    ulong bit = 1UL << v;
                    ref ulong word = ref _visited[v >> 6];
                    if ((word & bit) != 0) continue;
                    word |= bit;
                    if (_count == _queue.Length) Array.Resize(ref _queue, Math.Min(graph.NodeCount, _count * 2));
                    _queue[_count++] = v;
                }
            }
        }
    }

    private void Push(int node)
    {
        _visited[node >> 6] |= 1UL << node;
        _queue[_count++] = node;
    }
}
