
namespace RiskGraph.Model.Algorithms.Traversal;

/// <summary>
/// One traversal's working memory, sized to the graph and reused across queries. A node counts as visited
/// when <c>Stamp[node] == Version</c>; starting a traversal only bumps <see cref="Version"/>, so a query that
/// touches a hundred nodes costs a hundred writes, not a clear of two million entries. The other arrays are
/// only meaningful for visited nodes and are allocated on first use, because most callers need only some.
/// </summary>
internal sealed class TraversalScratch
{
    private readonly int _nodeCount;
    private readonly int[] _stamp;
    private byte[]? _depth;
    private int[]? _parent;
    private int[]? _parentSlot;
    private ushort[]? _mask;
    private int[]? _tag;
    private double[]? _value;
    private double[]? _secondValue;
    private int[] _visited;

    public TraversalScratch(int nodeCount)
    {
        _nodeCount = nodeCount;
        _stamp = new int[nodeCount];
        _visited = new int[Math.Min(nodeCount, 1024)];
    }

    public int NodeCount => _nodeCount;

    /// <summary>The stamp of the current traversal; never 0, so a fresh array means "nothing visited".</summary>
    public int Version { get; private set; }

    /// <summary>Nodes visited by the current traversal, in visiting order (doubles as the BFS queue).</summary>
    public int VisitedCount { get; private set; }

    public int[] Visited => _visited;

    public byte[] Depth => _depth ??= new byte[_nodeCount];

    public int[] Parent => _parent ??= new int[_nodeCount];

    /// <summary>The parent's edge slot that reached the node, so the edge's kind and weight can be read back.</summary>
    public int[] ParentSlot => _parentSlot ??= new int[_nodeCount];

    /// <summary>Per-node bit set (e.g. the first-hop edge kinds a node is reached through).</summary>
    public ushort[] Mask => _mask ??= new ushort[_nodeCount];

    /// <summary>Per-node int for the caller's own bookkeeping (e.g. the round a node last joined a frontier).</summary>
    public int[] Tag => _tag ??= new int[_nodeCount];

    public double[] Value => _value ??= new double[_nodeCount];

    public double[] SecondValue => _secondValue ??= new double[_nodeCount];

    /// <summary>Starts a new traversal: nothing is visited any more.</summary>
    public void Begin()
    {
        if (Version == int.MaxValue)
        {
            // Two billion traversals later the stamps would repeat; clearing once restores the invariant.
            Array.Clear(_stamp);
            Version = 0;
        }
        Version++;
        VisitedCount = 0;
    }

    public bool IsVisited(int node) => _stamp[node] == Version;

    /// <summary>Marks the node visited and appends it to <see cref="Visited"/>; false when it already was.</summary>
    public bool TryVisit(int node)
    {
        if (_stamp[node] == Version) return false;
        _stamp[node] = Version;
        if (VisitedCount == _visited.Length) Array.Resize(ref _visited, Math.Min(_nodeCount, _visited.Length * 2));
        _visited[VisitedCount++] = node;
        return true;
    }
}
