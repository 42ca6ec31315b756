using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Ownership;

/// <summary>
/// Conglomerates (系族) by actual controller, on the equity penetration of <see cref="UltimateController"/>. Each
/// enterprise has at most two control links: its ultimate controller (a top holder with an integrated share above
/// the threshold) and its parent (a direct holder above the threshold). Nested groups resolve to the top: an
/// enterprise's group is its parent's group when the parent's top agrees with its own ultimate controller (or it
/// has none), else its ultimate controller's; so P → E1 (60 %) → E2 (60 %) puts E2 in P's group although P's
/// integrated share of E2 is only 36 %. Persons and enterprises can be top controllers. A loop of mutual majority
/// holdings without an outside controller is broken at the enterprise reached last from the lowest id.
/// The penetration runs per enterprise on pooled scratch, in fixed batches, so any thread count agrees.
/// </summary>
public sealed class ConglomerateGroups(GraphSnapshot snapshot, ConglomerateGroupsParameters parameters, CancellationToken cancellationToken = default)
{
    private static readonly byte ShareholderIn = EdgeKind.Incoming(RelationType.ShareholderOf);
    private static readonly UltimateControllerParameters Penetration = new();

    public ConglomerateGroupsResult Compute()
    {
        parameters.Validate();
        int n = snapshot.EnterpriseCount;
        if (n == 0) return ConglomerateGroupsResult.Empty;
        var ultimate = new int[n];
        var parent = new int[n];
        var pool = TraversalScratchPool.For(snapshot.Graph);
        NodeBatches.Run(n, parameters.Concurrency, cancellationToken, (start, end) =>
        {
            var scratch = pool.Rent();
            try
            {
                var propagation = new SharePropagation(snapshot, scratch, cancellationToken);
                for (int v = start; v < end; v++) (ultimate[v], parent[v]) = ControlLinks(v, scratch, propagation);
            }
            finally
            {
                pool.Return(scratch);
            }
        });
        var (root, depth, controlledBy) = Resolve(ultimate, parent, n);
        return GroupAggregates.Build(snapshot, root, depth, controlledBy, parameters.MinSize);
    }

    private (int Ultimate, int Parent) ControlLinks(int v, TraversalScratch scratch, SharePropagation propagation)
    {
        var graph = snapshot.Graph;
        int parent = -1;
        double parentShare = parameters.ControlThreshold;
        for (int e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
        {
            if (graph.Kinds[e] != ShareholderIn) continue;
            double share = propagation.ShareOf(e, v);
            int h = graph.Targets[e];
            if (share > parentShare || (share == parentShare && parent >= 0 && h < parent && share > parameters.ControlThreshold))
            {
                parent = h;
                parentShare = share;
            }
        }
        // Held by persons only, or by nobody (the usual cases): persons are top holders, so integrated shares are the
        // direct ones (the store keeps one holding per holder) and the majority holder found above is the controller.
        if (!HasEnterpriseHolder(v)) return (parent, parent);
        propagation.Run(v, ShareholderIn, stopAtTop: true, Penetration.Tolerance, Penetration.MaxRounds);
        int best = -1;
        double bestShare = parameters.ControlThreshold;
        for (int i = 0; i < scratch.VisitedCount; i++)
        {
            int h = scratch.Visited[i];
            double share = scratch.SecondValue[h];
            if (h == v || !(share > parameters.ControlThreshold) || !propagation.IsTop(h)) continue;
            if (share > bestShare || (share == bestShare && h < best)) (best, bestShare) = (h, share);
        }
        return (best, parent);
    }

    private bool HasEnterpriseHolder(int v)
    {
        var graph = snapshot.Graph;
        for (int e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
            if (graph.Kinds[e] == ShareholderIn && graph.Targets[e] < snapshot.EnterpriseCount) return true;
        return false;
    }

    /// <summary>Top controller, depth and immediate controller of every enterprise, following parents iteratively (chains can be long).</summary>
    private static (int[] Root, int[] Depth, int[] ControlledBy) Resolve(int[] ultimate, int[] parent, int n)
    {
        var root = new int[n];
        var depth = new int[n];
        var controlledBy = new int[n];
        var state = new byte[n];
        var path = new int[n];
        for (int v = 0; v < n; v++)
        {
            if (state[v] == 2) continue;
            int top = 0, u = v;
            while (true)
            {
                state[u] = 1;
                path[top++] = u;
                int p = parent[u];
                if (p < 0 || p >= n || state[p] != 0) break;
                u = p;
            }
            for (int i = top - 1; i >= 0; i--)
            {
                int x = path[i], p = parent[x], ult = ultimate[x];
                // A parent still in progress closes a loop of majority holdings: the link is not followed.
                int parentRoot = p >= n ? p : p >= 0 && state[p] == 2 ? root[p] : -1;
                int parentDepth = p >= n ? 0 : p >= 0 && state[p] == 2 ? depth[p] : 0;
                if (parentRoot >= 0 && (ult < 0 || ult == parentRoot)) (root[x], depth[x], controlledBy[x]) = (parentRoot, parentDepth + 1, p);
                else if (ult >= 0) (root[x], depth[x], controlledBy[x]) = (ult, 1, ult);
                else (root[x], depth[x], controlledBy[x]) = (x, 0, -1);
                state[x] = 2;
            }
        }
        return (root, depth, controlledBy);
    }
}
