using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Ownership;

/// <summary>
/// Lists the simple ownership paths (no node twice) from a target up to its reported ultimate holders, by
/// depth-first search over incoming SHAREHOLDER_OF edges. The search is bounded three ways, because a dense
/// cross-holding web has exponentially many paths: path length, a floor on the product of shares (a path only
/// gets lighter as it grows, so the floor prunes whole subtrees), and a budget of edges examined. Each holder
/// keeps its heaviest paths, ties in discovery order.
/// </summary>
internal sealed class OwnershipPathFinder
{
    private const ushort OnPath = 4;
    private static readonly byte ShareholderIn = EdgeKind.Incoming(RelationType.ShareholderOf);

    private readonly CsrGraph _graph;
    private readonly TraversalScratch _scratch;
    private readonly SharePropagation _propagation;
    private readonly UltimateControllerParameters _parameters;
    private readonly List<OwnershipPath>[] _paths;
    private readonly bool[] _truncated;
    private readonly int[] _stackNodes;
    private readonly double[] _stackShares;
    private long _steps;
    private bool _outOfSteps;

    /// <param name="reported">Holders to find paths for; <see cref="TraversalScratch.Tag"/> of each must hold its index here.</param>
    public OwnershipPathFinder(CsrGraph graph, TraversalScratch scratch, SharePropagation propagation, UltimateControllerParameters parameters, int reported)
    {
        _graph = graph;
        _scratch = scratch;
        _propagation = propagation;
        _parameters = parameters;
        _paths = new List<OwnershipPath>[reported];
        for (int i = 0; i < reported; i++) _paths[i] = [];
        _truncated = new bool[reported];
        _stackNodes = new int[parameters.MaxPathLength + 1];
        _stackShares = new double[parameters.MaxPathLength];
    }

    public (List<OwnershipPath>[] Paths, bool[] Truncated) Find(int target)
    {
        _stackNodes[0] = target;
        _scratch.Mask[target] |= OnPath;
        Search(target, 0, 1.0);
        _scratch.Mask[target] &= unchecked((ushort)~OnPath);
        if (_outOfSteps) Array.Fill(_truncated, true);
        return (_paths, _truncated);
    }

    private void Search(int v, int length, double product)
    {
        int[] offsets = _graph.Offsets, targets = _graph.Targets;
        byte[] kinds = _graph.Kinds;
        ushort[] flags = _scratch.Mask;
        for (int e = offsets[v]; e < offsets[v + 1]; e++)
        {
            if (kinds[e] != ShareholderIn) continue;
            if (++_steps > _parameters.MaxPathSteps)
            {
                _outOfSteps = true;
                return;
            }
            int h = targets[e];
            double share = _propagation.ShareOf(e, v), pathShare = product * share;
            // Holders the propagation did not reach carry no mass and may hold stale flags from older queries.
            if (!(pathShare > 0) || pathShare < _parameters.MinPathShare || !_scratch.IsVisited(h)) continue;
            if ((flags[h] & OnPath) != 0) continue;
            _stackShares[length] = share;
            if (_propagation.IsTop(h))
            {
                if (_scratch.Tag[h] >= 0) Record(h, length + 1, pathShare);
                continue;
            }
            if (length + 1 >= _parameters.MaxPathLength) continue;
            _stackNodes[length + 1] = h;
            flags[h] |= OnPath;
            Search(h, length + 1, pathShare);
            flags[h] &= unchecked((ushort)~OnPath);
            if (_outOfSteps) return;
        }
    }

    /// <summary>Keeps the path if it is among the holder's heaviest; the stack holds target..., the holder is <paramref name="holder"/>.</summary>
    private void Record(int holder, int edges, double pathShare)
    {
        int index = _scratch.Tag[holder];
        var kept = _paths[index];
        int at = kept.Count;
        while (at > 0 && kept[at - 1].Share < pathShare) at--;
        if (at == _parameters.MaxPathsPerHolder)
        {
            _truncated[index] = true;
            return;
        }
        var nodes = new int[edges + 1];
        var shares = new double[edges];
        nodes[0] = holder;
        for (int i = 0; i < edges; i++)
        {
            // Stack position edges-1-i is the node held by nodes[i]; its share is the one that led up to nodes[i].
            nodes[i + 1] = _stackNodes[edges - 1 - i];
            shares[i] = _stackShares[edges - 1 - i];
        }
        kept.Insert(at, new OwnershipPath(nodes, shares, pathShare));
        if (kept.Count > _parameters.MaxPathsPerHolder)
        {
            kept.RemoveAt(kept.Count - 1);
            _truncated[index] = true;
        }
    }
}
