using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Guarantees;

/// <summary>
/// Mutual guarantees (A guarantees B and B guarantees A, 互保) and guarantee triangles (three enterprises each
/// linked to the other two by a guarantee in either direction), per enterprise: the sub-patterns that carry the
/// highest default probability in the Chinese guarantee network. Triangles are listed once each by orienting
/// every link from the endpoint of lower (degree, id) to the higher one, which bounds the work by m·√m even when
/// a few enterprises guarantee hundreds of others. Stamps instead of sets: nothing is allocated per edge.
/// </summary>
internal static class GuaranteeMotifs
{
    private static readonly byte GuaranteesOut = EdgeKind.Outgoing(RelationType.Guarantees);
    private static readonly byte GuaranteesIn = EdgeKind.Incoming(RelationType.Guarantees);

    /// <param name="onTriangle">Called once per triangle with its three members.</param>
    public static (int[] MutualPartners, int[] Triangles) Compute(CsrGraph graph, int enterprises, Action<int, int, int>? onTriangle, CancellationToken cancellationToken)
    {
        int[] offsets = graph.Offsets, targets = graph.Targets;
        byte[] kinds = graph.Kinds;
        var degree = new int[enterprises];
        for (int v = 0; v < enterprises; v++)
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
                if (IsGuarantee(kinds[e]) && targets[e] < enterprises && targets[e] != v) degree[v]++;

        var mutual = new int[enterprises];
        var triangles = new int[enterprises];
        // Stamps hold node + 1 (or a pair counter), so a fresh zeroed array marks nothing.
        var outMark = new int[enterprises];
        var seen = new int[enterprises];
        var mark = new int[enterprises];
        var pairSeen = new int[enterprises];
        int pair = 0;
        for (int u = 0; u < enterprises; u++)
        {
            if (degree[u] == 0) continue;
            if ((u & 0x3FFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            int stamp = u + 1;
            for (int e = offsets[u]; e < offsets[u + 1]; e++)
                if (kinds[e] == GuaranteesOut && targets[e] < enterprises) outMark[targets[e]] = stamp;
            for (int e = offsets[u]; e < offsets[u + 1]; e++)
            {
                int w = targets[e];
                if (kinds[e] != GuaranteesIn || w >= enterprises || w == u || outMark[w] != stamp || seen[w] == stamp) continue;
                seen[w] = stamp;
                mutual[u]++;
            }

            // Forward neighbours of u (higher rank), each once.
            for (int e = offsets[u]; e < offsets[u + 1]; e++)
            {
                int v = targets[e];
                if (IsGuarantee(kinds[e]) && v < enterprises && Higher(degree, v, u)) mark[v] = stamp;
            }
            for (int e = offsets[u]; e < offsets[u + 1]; e++)
            {
                int v = targets[e];
                if (!IsGuarantee(kinds[e]) || v >= enterprises || mark[v] != stamp || !Higher(degree, v, u)) continue;
                // A second slot to the same v (a mutual pair, a repeated link) must not count its triangles twice.
                mark[v] = -stamp;
                pair++;
                for (int f = offsets[v]; f < offsets[v + 1]; f++)
                {
                    int w = targets[f];
                    if (!IsGuarantee(kinds[f]) || w >= enterprises || !Higher(degree, w, v) || pairSeen[w] == pair) continue;
                    if (mark[w] != stamp && mark[w] != -stamp) continue;
                    pairSeen[w] = pair;
                    triangles[u]++;
                    triangles[v]++;
                    triangles[w]++;
                    onTriangle?.Invoke(u, v, w);
                }
            }
        }
        return (mutual, triangles);
    }

    private static bool IsGuarantee(byte kind) => kind == GuaranteesOut || kind == GuaranteesIn;

    /// <summary>Whether <paramref name="a"/> ranks above <paramref name="b"/>: larger guarantee degree, ties by id.</summary>
    private static bool Higher(int[] degree, int a, int b) => degree[a] > degree[b] || (degree[a] == degree[b] && a > b);
}
