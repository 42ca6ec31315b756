using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Ownership;

/// <summary>
/// Equity penetration over SHAREHOLDER_OF relations. For a target enterprise, the integrated share of each ultimate
/// holder (natural person, or enterprise nobody holds shares in) is the sum over all ownership paths of the
/// product of the shares along them, cross-holdings included (<see cref="SharePropagation"/> explains how cycles
/// are summed). Holders above the thresholds are reported as controllers and beneficial owners with the paths
/// that make up their share. Queries run on pooled scratch arrays and touch only the target's ownership tree.
/// </summary>
public sealed class UltimateController(GraphSnapshot snapshot, UltimateControllerParameters parameters, CancellationToken cancellationToken = default)
{
    private static readonly byte ShareholderIn = EdgeKind.Incoming(RelationType.ShareholderOf);
    private static readonly byte ShareholderOut = EdgeKind.Outgoing(RelationType.ShareholderOf);

    private readonly TraversalScratchPool _pool = TraversalScratchPool.For(snapshot.Graph);

    public UltimateControllerResult ForEnterprise(int enterprise)
    {
        parameters.Validate();
        if ((uint)enterprise >= (uint)snapshot.EnterpriseCount)
            throw new ArgumentOutOfRangeException(nameof(enterprise), enterprise, "Not an enterprise id.");
        var scratch = _pool.Rent();
        try
        {
            var propagation = new SharePropagation(snapshot, scratch, cancellationToken);
            var (rounds, converged) = propagation.Run(enterprise, ShareholderIn, stopAtTop: true, parameters.Tolerance, parameters.MaxRounds);
            var (tops, reported) = UltimateHolders(scratch, propagation, enterprise);
            var finder = new OwnershipPathFinder(snapshot.Graph, scratch, propagation, parameters, reported.Count);
            var (paths, truncated) = finder.Find(enterprise);

            var holders = new List<UltimateHolder>(tops.Count);
            var controllers = new List<UltimateHolder>();
            var owners = new List<UltimateHolder>();
            foreach (int h in tops)
            {
                int index = scratch.Tag[h];
                var holder = new UltimateHolder(h, h >= snapshot.EnterpriseCount, scratch.SecondValue[h],
                    index >= 0 ? paths[index] : [], index >= 0 && truncated[index]);
                holders.Add(holder);
                if (holder.IntegratedShare > parameters.ControlThreshold) controllers.Add(holder);
                if (holder.IntegratedShare > parameters.BeneficialOwnerThreshold) owners.Add(holder);
            }
            return new UltimateControllerResult(enterprise, holders, controllers, owners, rounds, converged);
        }
        finally
        {
            _pool.Return(scratch);
        }
    }

    /// <summary>
    /// Enterprises the holder (person or enterprise) owns at least <paramref name="minShare"/> of, directly or
    /// through other enterprises, largest first: e.g. the rest of a controller's group.
    /// </summary>
    public IReadOnlyList<HeldEnterprise> HoldingsOf(int holder, double minShare)
    {
        parameters.Validate();
        if ((uint)holder >= (uint)snapshot.Graph.NodeCount) throw new ArgumentOutOfRangeException(nameof(holder), holder, "Not a node id.");
        UltimateControllerParameters.CheckShare(minShare, nameof(minShare));
        var scratch = _pool.Rent();
        try
        {
            var propagation = new SharePropagation(snapshot, scratch, cancellationToken);
            propagation.Run(holder, ShareholderOut, stopAtTop: false, parameters.Tolerance, parameters.MaxRounds);
            var held = new List<HeldEnterprise>();
            for (int i = 1; i < scratch.VisitedCount; i++)
            {
                int v = scratch.Visited[i];
                double share = scratch.SecondValue[v];
                if (v != holder && share >= minShare) held.Add(new HeldEnterprise(v, share, scratch.Depth[v]));
            }
            held.Sort(static (a, b) => b.IntegratedShare != a.IntegratedShare
                ? b.IntegratedShare.CompareTo(a.IntegratedShare)
                : a.Enterprise.CompareTo(b.Enterprise));
            return held;
        }
        finally
        {
            _pool.Return(scratch);
        }
    }

    /// <summary>
    /// Ultimate holders with a positive share, largest first (ties by id); the reported ones get their index into
    /// the path lists in <see cref="TraversalScratch.Tag"/>, everyone else -1.
    /// </summary>
    private (List<int> Tops, List<int> Reported) UltimateHolders(TraversalScratch scratch, SharePropagation propagation, int target)
    {
        var tops = new List<int>();
        for (int i = 0; i < scratch.VisitedCount; i++)
        {
            int v = scratch.Visited[i];
            scratch.Tag[v] = -1;
            if (v != target && scratch.SecondValue[v] > 0 && propagation.IsTop(v)) tops.Add(v);
        }
        double[] share = scratch.SecondValue;
        tops.Sort((a, b) => share[a] != share[b] ? share[b].CompareTo(share[a]) : a.CompareTo(b));
        var reported = new List<int>();
        foreach (int h in tops)
        {
            if (share[h] <= parameters.ReportThreshold) break;
            scratch.Tag[h] = reported.Count;
            reported.Add(h);
        }
        return (tops, reported);
    }
}
