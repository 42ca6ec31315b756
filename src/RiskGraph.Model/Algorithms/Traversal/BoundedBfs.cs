using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Traversal;

/// <summary>
/// Breadth-first search from one node up to a depth, following only edge kinds in a bit mask and not expanding
/// hubs: a node other than the source with more edge slots than the cap is reached (and reported) but its own
/// edges are not followed, so a nominee director of 5,000 companies does not connect everything to everything.
/// Visiting order is the adjacency order, so results are deterministic.
/// </summary>
internal static class BoundedBfs
{
    /// <summary>All ten edge kinds (five relation types, two directions).</summary>
    public const ushort AllKinds = (1 << EdgeKind.Count) - 1;

    /// <returns>How many reached nodes were hubs and were not expanded.</returns>
    public static int Run<TVisitor>(
        CsrGraph graph, TraversalScratch scratch, int source, int maxDepth, int hubCap, ushort kindMask, ref TVisitor visitor)
        where TVisitor : struct, IBfsVisitor
    {
        int[] offsets = graph.Offsets, targets = graph.Targets;
        byte[] kinds = graph.Kinds;
        byte[] depth = scratch.Depth;
        scratch.Begin();
        scratch.TryVisit(source);
        depth[source] = 0;
        int hubsSkipped = 0;
        for (int head = 0; head < scratch.VisitedCount; head++)
        {
            int u = scratch.Visited[head];
            int d = depth[u];
            // Nodes come off the queue in depth order, so the first one at the limit ends the search.
            if (d >= maxDepth) break;
            int start = offsets[u], end = offsets[u + 1];
            if (u != source && end - start > hubCap)
            {
                hubsSkipped++;
                continue;
            }
            for (int e = start; e < end; e++)
            {
                if (((kindMask >> kinds[e]) & 1) == 0) continue;
                int v = targets[e];
                if (scratch.TryVisit(v))
                {
                    depth[v] = (byte)(d + 1);
                    visitor.Discovered(v, u, e, d + 1);
                }
                else if (depth[v] == d + 1)
                {
                    visitor.Rediscovered(v, u, e);
                }
            }
        }
        return hubsSkipped;
    }

    /// <summary>The bit of one edge kind in a kind mask.</summary>
    public static ushort KindBit(byte kind) => (ushort)(1 << kind);
}
