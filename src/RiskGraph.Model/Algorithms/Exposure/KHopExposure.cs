using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Exposure;

/// <summary>
/// Counts the enterprises with a negative record (<see cref="CreditProfile.Negative"/>) within k hops of a node,
/// broken down by distance and by the relation of the first hop. One breadth-first search per node, on scratch
/// arrays rented from a pool shared by everything working on the same graph, so a single query costs only the
/// nodes it reaches; the all-enterprises mode runs the same search per enterprise in parallel batches.
/// </summary>
public sealed class KHopExposure(
    GraphSnapshot snapshot, KHopExposureParameters parameters, IProgress<double>? progress, CancellationToken cancellationToken = default)
{
    private readonly TraversalScratchPool _pool = TraversalScratchPool.For(snapshot.Graph);

    public KHopExposure(GraphSnapshot snapshot, KHopExposureParameters parameters, CancellationToken cancellationToken = default)
        : this(snapshot, parameters, null, cancellationToken)
    {
    }

    public ExposureProfile ForNode(int node)
    {
        parameters.Validate();
        if ((uint)node >= (uint)snapshot.Graph.NodeCount) throw new ArgumentOutOfRangeException(nameof(node), node, "Not a node id.");
        var scratch = _pool.Rent();
        try
        {
            int hubs = Search(scratch, node);
            var tally = new Tally(parameters.Hops);
            var contacts = new List<RiskyContact>();
            Count(scratch, ref tally, contacts);
            return new ExposureProfile(node, parameters.Hops, tally.Reached, tally.Risky, tally.ByHop, tally.ByType, tally.ByKind, hubs, contacts);
        }
        finally
        {
            _pool.Return(scratch);
        }
    }

    public ExposureTable ForAllEnterprises()
    {
        parameters.Validate();
        int enterprises = snapshot.EnterpriseCount, hops = parameters.Hops, types = RelationTypeNames.Count;
        var reached = new int[enterprises];
        var risky = new int[enterprises];
        var byHop = new int[enterprises * hops];
        var byType = new int[enterprises * types];
        var batchProgress = new BatchProgress(enterprises, progress);
        NodeBatches.Run(enterprises, parameters.Concurrency, cancellationToken, (start, end) =>
        {
            var scratch = _pool.Rent();
            var tally = new Tally(hops);
            for (int u = start; u < end; u++)
            {
                Search(scratch, u);
                tally.Clear();
                Count(scratch, ref tally, contacts: null);
                reached[u] = tally.Reached;
                risky[u] = tally.Risky;
                Array.Copy(tally.ByHop, 0, byHop, u * hops, hops);
                Array.Copy(tally.ByType, 0, byType, u * types, types);
            }
            _pool.Return(scratch);
            batchProgress.BatchDone();
        });
        return new ExposureTable(enterprises, hops, reached, risky, byHop, byType);
    }

    private int Search(TraversalScratch scratch, int source)
    {
        var visitor = new FirstHopKinds(source, scratch.Mask, snapshot.Graph.Kinds);
        return BoundedBfs.Run(snapshot.Graph, scratch, source, parameters.Hops, parameters.HubFanOutCap, BoundedBfs.AllKinds, ref visitor);
    }

    private void Count(TraversalScratch scratch, ref Tally tally, List<RiskyContact>? contacts)
    {
        bool[] negative = snapshot.Credit.Negative;
        int enterprises = snapshot.EnterpriseCount;
        int[] visited = scratch.Visited;
        byte[] depth = scratch.Depth;
        ushort[] mask = scratch.Mask;
        // Index 0 is the queried node itself.
        for (int i = 1; i < scratch.VisitedCount; i++)
        {
            int v = visited[i];
            if (v >= enterprises) continue;
            tally.Reached++;
            if (!negative[v]) continue;
            tally.Risky++;
            tally.ByHop[depth[v] - 1]++;
            int kinds = mask[v];
            for (int kind = 0; kind < EdgeKind.Count; kind++)
                if (((kinds >> kind) & 1) != 0) tally.ByKind[kind]++;
            for (int type = 0; type < RelationTypeNames.Count; type++)
                if (((kinds >> (2 * type)) & 3) != 0) tally.ByType[type]++;
            if (contacts is not null && contacts.Count < parameters.MaxListedContacts)
                contacts.Add(new RiskyContact(v, depth[v], mask[v]));
        }
    }

    /// <summary>Per-search counters; the arrays are reused across the searches of a batch.</summary>
    private struct Tally(int hops)
    {
        public int Reached;
        public int Risky;
        public readonly int[] ByHop = new int[hops];
        public readonly int[] ByType = new int[RelationTypeNames.Count];
        public readonly int[] ByKind = new int[EdgeKind.Count];

        public void Clear()
        {
            Reached = 0;
            Risky = 0;
            Array.Clear(ByHop);
            Array.Clear(ByType);
            Array.Clear(ByKind);
        }
    }

    /// <summary>
    /// Propagates the kinds of first-hop edges along shortest paths: a node reached at depth d inherits the union
    /// of the kinds of all its depth d-1 parents. Breadth-first order guarantees a parent's set is complete before
    /// the parent is expanded.
    /// </summary>
    private readonly struct FirstHopKinds(int source, ushort[] mask, byte[] kinds) : IBfsVisitor
    {
        public void Discovered(int node, int parent, int slot, int depth) =>
            mask[node] = parent == source ? BoundedBfs.KindBit(kinds[slot]) : mask[parent];

        public void Rediscovered(int node, int parent, int slot) =>
            mask[node] |= parent == source ? BoundedBfs.KindBit(kinds[slot]) : mask[parent];
    }
}
