using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Monitoring;

/// <summary>
/// Which enterprises one watch list watches on one snapshot, and through which path: a breadth-first search from all
/// members at once, at most <c>radius</c> hops. A hop is a relation between two enterprises (shareholding, supply,
/// guarantee) or a person they share (legal representative, executive, shareholder), so enterprise → person →
/// enterprise is one hop. Hubs — nodes with more than <see cref="HubCap"/> relations, as in the exposure features —
/// are watched when reached but not expanded; members are always expanded. Each watched enterprise keeps the
/// enterprise one hop nearer to its member (and the shared person, if any), so a path costs a few array reads.
/// </summary>
public sealed class WatchIndex
{
    public const int HubCap = 64;
    private const int NotWatched = -1;

    private readonly int[] _parent;
    private readonly int[] _via;
    private readonly byte[] _depth;

    private WatchIndex(GraphSnapshot snapshot, int[] parent, int[] via, byte[] depth, int[] watched, int members)
    {
        Snapshot = snapshot;
        _parent = parent;
        _via = via;
        _depth = depth;
        Watched = watched;
        MemberCount = members;
    }

    public GraphSnapshot Snapshot { get; }

    /// <summary>The watched enterprise ids: members (depth 0) first, then by distance.</summary>
    public int[] Watched { get; }

    /// <summary>Members found in the snapshot (codes not in it are kept on the list but watch nothing yet).</summary>
    public int MemberCount { get; }

    public bool IsWatched(int enterprise) => (uint)enterprise < (uint)_parent.Length && _parent[enterprise] != NotWatched;

    public int HopsOf(int enterprise) => _depth[enterprise];

    /// <summary>The member that watches <paramref name="enterprise"/> (the nearest; ties go to the member found first).</summary>
    public int MemberOf(int enterprise)
    {
        while (_depth[enterprise] > 0) enterprise = _parent[enterprise];
        return enterprise;
    }

    /// <summary>Node ids from the member to <paramref name="enterprise"/>, shared persons included.</summary>
    public int[] PathTo(int enterprise)
    {
        Span<int> nodes = stackalloc int[MaxPathNodes];
        return PathTo(enterprise, nodes).ToArray();
    }

    /// <summary>Longest path a watch list has: two nodes (an enterprise and a shared person) per hop, plus the member.</summary>
    public const int MaxPathNodes = 2 * WatchList.MaxRadius + 1;

    /// <summary>The path of <see cref="PathTo(int)"/> written into <paramref name="nodes"/> (at least <see cref="MaxPathNodes"/> long).</summary>
    public Span<int> PathTo(int enterprise, Span<int> nodes)
    {
        int count = 0;
        nodes[count++] = enterprise;
        while (_depth[enterprise] > 0)
        {
            if (_via[enterprise] >= 0) nodes[count++] = _via[enterprise];
            enterprise = _parent[enterprise];
            nodes[count++] = enterprise;
        }
        var path = nodes[..count];
        path.Reverse();
        return path;
    }

    public static WatchIndex Build(GraphSnapshot snapshot, IReadOnlyList<string> members, int radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radius, WatchList.MaxRadius);
        int enterprises = snapshot.EnterpriseCount;
        var parent = new int[enterprises];
        Array.Fill(parent, NotWatched);
        var via = new int[enterprises];
        var depth = new byte[enterprises];
        var watched = new List<int>(members.Count * (radius + 1));
        foreach (string uscc in members)
        {
            int e = snapshot.Ids.IdOf(uscc);
            if (e == IdMap.NotFound || e >= enterprises || parent[e] != NotWatched) continue;
            parent[e] = e;
            via[e] = NotWatched;
            watched.Add(e);
        }
        int memberCount = watched.Count;
        var graph = snapshot.Graph;
        int start = 0;
        for (int d = 0; d < radius; d++)
        {
            int end = watched.Count;
            for (int i = start; i < end; i++)
            {
                int u = watched[i];
                if (d > 0 && graph.Degree(u) > HubCap) continue;
                ExpandFrom(graph, enterprises, u, (byte)(d + 1), parent, via, depth, watched);
            }
            start = end;
        }
        return new WatchIndex(snapshot, parent, via, depth, watched.ToArray(), memberCount);
    }

    private static void ExpandFrom(CsrGraph graph, int enterprises, int u, byte hop, int[] parent, int[] via, byte[] depth, List<int> watched)
    {
        int[] offsets = graph.Offsets, targets = graph.Targets;
        for (int s = offsets[u]; s < offsets[u + 1]; s++)
        {
            int v = targets[s];
            if (v < enterprises)
            {
                Reach(v, u, NotWatched, hop, parent, via, depth, watched);
                continue;
            }
            // A shared person: the enterprises on its other relations are one hop away, unless the person is a hub.
            if (offsets[v + 1] - offsets[v] > HubCap) continue;
            for (int t = offsets[v]; t < offsets[v + 1]; t++)
            {
                int w = targets[t];
                if (w < enterprises) Reach(w, u, v, hop, parent, via, depth, watched);
            }
        }
    }

    private static void Reach(int v, int u, int person, byte hop, int[] parent, int[] via, byte[] depth, List<int> watched)
    {
        if (parent[v] != NotWatched) return;
        parent[v] = u;
        via[v] = person;
        depth[v] = hop;
        watched.Add(v);
    }

    /// <summary>The relation steps along <paramref name="nodes"/> (consecutive nodes are adjacent by construction).</summary>
    public static PathStep[] StepsOf(CsrGraph graph, ReadOnlySpan<int> nodes)
    {
        var steps = new PathStep[Math.Max(0, nodes.Length - 1)];
        for (int i = 0; i < steps.Length; i++)
        {
            var (type, forward) = StepBetween(graph, nodes[i], nodes[i + 1]);
            steps[i] = new PathStep(type, forward);
        }
        return steps;
    }

    /// <summary>The type of the relation between adjacent nodes <paramref name="a"/> and <paramref name="b"/>, and whether it points from a to b.</summary>
    public static (RelationType Type, bool Forward) StepBetween(CsrGraph graph, int a, int b)
    {
        // Scan the end with fewer relations: a member may be a hub with thousands.
        bool fromA = graph.Degree(a) <= graph.Degree(b);
        int from = fromA ? a : b, to = fromA ? b : a;
        int[] offsets = graph.Offsets, targets = graph.Targets;
        for (int s = offsets[from]; s < offsets[from + 1]; s++)
        {
            if (targets[s] != to) continue;
            byte kind = graph.Kinds[s];
            return (EdgeKind.TypeOf(kind), EdgeKind.IsIncoming(kind) != fromA);
        }
        throw new ArgumentException($"Nodes {a} and {b} are not adjacent.");
    }
}
