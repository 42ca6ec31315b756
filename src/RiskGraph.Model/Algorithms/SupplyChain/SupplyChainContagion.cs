using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.SupplyChain;

/// <summary>
/// Risk of enterprises with a negative record spreading along SUPPLIES_TO links, and the chain view of one core
/// enterprise (R139-R141). Risk travels along the chain in one direction at a time: a risky supplier two levels
/// up reaches an enterprise through its own supplier, a risky buyer two levels down through its own buyer.
/// Mixed walks (a supplier's other buyers) are siblings, not the chain, and would also echo an enterprise's own
/// risk back to it, so they are not followed. Each hop is a pull over the enterprise's own edge slots into
/// per-hop arrays, so batches write disjoint entries and 1 and N threads agree bit for bit.
/// </summary>
public sealed class SupplyChainContagion(
    GraphSnapshot snapshot, SupplyChainContagionParameters parameters, IProgress<double>? progress, CancellationToken cancellationToken = default)
{
    private static readonly byte FromSupplier = EdgeKind.Incoming(RelationType.SuppliesTo);
    private static readonly byte ToBuyer = EdgeKind.Outgoing(RelationType.SuppliesTo);

    public SupplyChainContagion(GraphSnapshot snapshot, SupplyChainContagionParameters parameters, CancellationToken cancellationToken = default)
        : this(snapshot, parameters, null, cancellationToken)
    {
    }

    public SupplyChainContagionResult Compute()
    {
        parameters.Validate();
        int n = snapshot.EnterpriseCount;
        if (n == 0) return SupplyChainContagionResult.Empty;
        var upstream = new SupplyPull(snapshot, FromSupplier, parameters.AmountWeighted);
        var downstream = new SupplyPull(snapshot, ToBuyer, parameters.AmountWeighted);
        var seed = new double[n];
        bool[] negative = snapshot.Credit.Negative;
        for (int v = 0; v < n; v++) seed[v] = negative[v] ? 1 : 0;

        double[] upNow = seed, downNow = seed;
        double[] upNext = new double[n], downNext = new double[n], upTotal = new double[n], downTotal = new double[n];
        for (int hop = 1; hop <= parameters.MaxHops; hop++)
        {
            var (up, down, upOut, downOut) = (upNow, downNow, upNext, downNext);
            NodeBatches.Run(n, parameters.Concurrency, cancellationToken, (start, end) =>
            {
                for (int v = start; v < end; v++)
                {
                    upOut[v] = parameters.Decay * upstream.Pull(v, up);
                    downOut[v] = parameters.Decay * downstream.Pull(v, down);
                    upTotal[v] += upOut[v];
                    downTotal[v] += downOut[v];
                }
            });
            // The seed array is never written: the first swap hands out fresh buffers for hop 2.
            (upNow, upNext) = (upNext, hop == 1 ? new double[n] : upNow);
            (downNow, downNext) = (downNext, hop == 1 ? new double[n] : downNow);
            progress?.Report((double)hop / parameters.MaxHops);
        }

        var score = new double[n];
        for (int v = 0; v < n; v++) score[v] = parameters.UpstreamWeight * upTotal[v] + parameters.DownstreamWeight * downTotal[v];
        return new SupplyChainContagionResult(upTotal, downTotal, score);
    }

    /// <summary>Suppliers and buyers of <paramref name="core"/> within MaxHops links (R140's chain-level view).</summary>
    public SupplyChainView Chain(int core)
    {
        parameters.Validate();
        if ((uint)core >= (uint)snapshot.EnterpriseCount) throw new ArgumentOutOfRangeException(nameof(core), core, "Not an enterprise id.");
        var pool = TraversalScratchPool.For(snapshot.Graph);
        var scratch = pool.Rent();
        try
        {
            var members = new List<ChainMember>();
            bool truncated = Walk(scratch, core, FromSupplier, ChainDirection.Upstream, members);
            truncated |= Walk(scratch, core, ToBuyer, ChainDirection.Downstream, members);
            int up = 0, down = 0, negativeUp = 0, negativeDown = 0;
            foreach (var member in members)
            {
                bool isUp = member.Direction == ChainDirection.Upstream;
                if (isUp) up++;
                else down++;
                if (member.Negative && isUp) negativeUp++;
                else if (member.Negative) negativeDown++;
            }
            return new SupplyChainView(core, members, up, down, negativeUp, negativeDown, truncated);
        }
        finally
        {
            pool.Return(scratch);
        }
    }

    /// <returns>Whether members had to be left out.</returns>
    private bool Walk(TraversalScratch scratch, int core, byte kind, ChainDirection direction, List<ChainMember> members)
    {
        var visitor = new CountOnlyVisitor();
        BoundedBfs.Run(snapshot.Graph, scratch, core, parameters.MaxHops, int.MaxValue, BoundedBfs.KindBit(kind), ref visitor);
        bool[] negative = snapshot.Credit.Negative;
        for (int i = 1; i < scratch.VisitedCount; i++)
        {
            if (members.Count == parameters.MaxChainSize) return true;
            int v = scratch.Visited[i];
            members.Add(new ChainMember(v, scratch.Depth[v], direction, v < negative.Length && negative[v]));
        }
        return false;
    }
}
