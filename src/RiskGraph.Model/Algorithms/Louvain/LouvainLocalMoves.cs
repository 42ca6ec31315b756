namespace RiskGraph.Model.Algorithms;

/// <summary>
/// Louvain's first phase on one level: visit nodes in id order and move each to the neighbouring community with
/// the largest modularity gain, until a sweep gains less than the tolerance. The weights from a node to each
/// neighbouring community are gathered in a dense array indexed by community, with a stamp array saying which
/// entries belong to the current node and a list of the communities touched, so nothing is cleared or allocated
/// per node. Fixed visiting order and strict "better than" comparisons make the result deterministic.
/// <para>
/// After the first sweep only nodes next to a node that moved are looked at again (Ozaki et al., "Simple
/// acceleration of the Louvain algorithm", 2016): a node whose neighbours all stayed put would find the same
/// best community as last time, apart from changes in community totals, which later sweeps pick up. On a million
/// enterprises this skips most of the work of the later sweeps.
/// </para>
/// </summary>
internal sealed class LouvainLocalMoves
{
    private readonly LouvainLevelGraph _graph;
    private readonly double[] _total;
    private readonly double[] _weightTo;
    private readonly int[] _stamp;
    private readonly bool[] _active;
    private int[] _touched = new int[64];

    public LouvainLocalMoves(LouvainLevelGraph graph)
    {
        _graph = graph;
        int n = graph.NodeCount;
        Community = new int[n];
        _total = new double[n];
        _weightTo = new double[n];
        _stamp = new int[n];
        _active = new bool[n];
        Array.Fill(_active, true);
        for (int v = 0; v < n; v++)
        {
            Community[v] = v;
            _total[v] = graph.Strength[v];
            _stamp[v] = -1;
        }
    }

    /// <summary>Community per node of this level; ids are node ids of the community's first member, not dense.</summary>
    public int[] Community { get; }

    /// <returns>Whether any node changed community.</returns>
    public bool Run(int maxSweeps, double tolerance, CancellationToken cancellationToken)
    {
        bool movedAny = false;
        for (int sweep = 0; sweep < maxSweeps; sweep++)
        {
            var (moves, gain) = Sweep(cancellationToken);
            movedAny |= moves > 0;
            if (moves == 0 || gain < tolerance) break;
        }
        return movedAny;
    }

    /// <returns>Nodes moved and the exact modularity gained by the sweep.</returns>
    private (int Moves, double Gain) Sweep(CancellationToken cancellationToken)
    {
        int[] offsets = _graph.Offsets, targets = _graph.Targets;
        double[]? weights = _graph.Weights;
        double[] strength = _graph.Strength;
        double m2 = _graph.TotalStrength;
        int[] community = Community;
        int moves = 0;
        double gain = 0;
        for (int v = 0; v < community.Length; v++)
        {
            if ((v & 0x3FFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (!_active[v]) continue;
            _active[v] = false;
            double k = strength[v];
            if (k == 0) continue;
            int own = community[v];
            int touched = Gather(v, own, offsets, targets, weights);

            // Take v out of its community, then score every candidate (its own included) by
            // k_v,c − tot_c · k_v / 2m, which is the modularity gain of inserting v into c times m.
            _total[own] -= k;
            int best = own;
            double stay = _weightTo[own] - _total[own] * k / m2;
            double bestScore = stay;
            for (int i = 0; i < touched; i++)
            {
                int c = _touched[i];
                double score = _weightTo[c] - _total[c] * k / m2;
                if (score > bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }
            _total[best] += k;
            if (best == own) continue;
            community[v] = best;
            moves++;
            gain += 2 * (bestScore - stay) / m2;
            for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) _active[targets[e]] = true;
        }
        return (moves, gain);
    }

    /// <summary>Fills _weightTo for every community adjacent to v (own community first); returns how many.</summary>
    private int Gather(int v, int own, int[] offsets, int[] targets, double[]? weights)
    {
        int[] community = Community;
        int touched = 0;
        _stamp[own] = v;
        _weightTo[own] = 0;
        _touched[touched++] = own;
        for (int e = offsets[v], end = offsets[v + 1]; e < end; e++)
        {
            int u = targets[e];
            // A self slot stays with v wherever it goes, so it adds nothing to any community's pull.
            if (u == v) continue;
            int c = community[u];
            if (_stamp[c] != v)
            {
                _stamp[c] = v;
                _weightTo[c] = 0;
                if (touched == _touched.Length) Array.Resize(ref _touched, touched * 2);
                _touched[touched++] = c;
            }
            _weightTo[c] += weights is null ? 1 : weights[e];
        }
        return touched;
    }
}
