
namespace RiskGraph.Model.Algorithms.Communities;

/// <summary>
/// Louvain's first phase on one level, in one of two ways that both depend on the graph alone, never on the
/// thread count or the scheduling. By colour: a sweep takes the colours of a <see cref="LouvainColouring"/> one
/// after the other; all active nodes of a colour choose their best community at once (in parallel, each thread
/// with its own flat accumulator, reading only the state left by the previous colour), then the moves are applied
/// in node order. In order: the classic sweep, one node after the other, each move applied at once. The choice is
/// the neighbouring community with the largest gain k_v,c − tot_c · k_v / 2m (own community included, strict
/// "better than" in first-touch order).
/// <para>
/// Pruning (Ozaki et al., "Simple acceleration of the Louvain algorithm", 2016): after a node is looked at it
/// goes inactive, and only the neighbours of a node that moved are looked at again, so later sweeps touch a small
/// part of the graph.
/// </para>
/// </summary>
internal sealed class LouvainLocalMoves
{
    /// <summary>Below this many active nodes a colour is decided on the calling thread: forking costs more.</summary>
    private const int ParallelThreshold = 4_096;

    private const int BatchSize = 2_048;

    /// <summary>Nodes with at most this many slots gather on the stack (<see cref="BestOfFew"/>).</summary>
    private const int SmallDegree = 16;

    private readonly LouvainLevelGraph _graph;
    private readonly LouvainColouring? _colouring;
    private readonly int _concurrency;
    private readonly CancellationToken _cancellationToken;
    private readonly double[] _total;
    private readonly byte[] _active;
    // Per colour member: the chosen community (-1: stay) and its gain; only used when moving by colour.
    private readonly int[] _proposal = [];
    private readonly double[] _proposalGain = [];
    private readonly int[] _moved = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<LouvainAccumulator> _accumulators = [];

    public LouvainLocalMoves(LouvainLevelGraph graph, bool byColour, int concurrency, CancellationToken cancellationToken)
    {
        _graph = graph;
        _concurrency = concurrency;
        _cancellationToken = cancellationToken;
        int n = graph.NodeCount;
        _colouring = byColour ? LouvainColouring.Greedy(graph) : null;
        Community = new int[n];
        for (int v = 0; v < n; v++) Community[v] = v;
        _total = (double[])graph.Strength.Clone();
        _active = new byte[n];
        Array.Fill(_active, (byte)1);
        if (_colouring is null) return;
        _proposal = new int[n];
        _proposalGain = new double[n];
        _moved = new int[n];
    }

    /// <summary>Community per node of this level; ids are node ids of a member, not dense.</summary>
    public int[] Community { get; }

    /// <returns>Whether any node changed community.</returns>
    public bool Run(int maxSweeps, double tolerance)
    {
        bool movedAny = false;
        for (int sweep = 0; sweep < maxSweeps; sweep++)
        {
            var (moves, gain) = _colouring is null
                ? (_graph.Weights is null ? SweepInOrder(new UnitWeights()) : SweepInOrder(new SlotWeights(_graph.Weights)))
                : (_graph.Weights is null ? Sweep(new UnitWeights()) : Sweep(new SlotWeights(_graph.Weights)));
            movedAny |= moves > 0;
            if (moves == 0 || gain < tolerance) break;
        }
        return movedAny;
    }

    /// <summary>The classic asynchronous sweep: nodes in id order, each move applied at once.</summary>
    private (int Moves, double Gain) SweepInOrder<TWeights>(TWeights weights) where TWeights : struct, ILouvainWeights
    {
        int[] offsets = _graph.Offsets, targets = _graph.Targets, community = Community;
        double[] strength = _graph.Strength, total = _total;
        byte[] active = _active;
        double m2 = _graph.TotalStrength, gain = 0;
        int moves = 0;
        var accumulator = Rent();
        for (int v = 0; v < community.Length; v++)
        {
            if ((v & 0x3FFF) == 0) _cancellationToken.ThrowIfCancellationRequested();
            if (active[v] == 0) continue;
            active[v] = 0;
            double k = strength[v];
            if (k == 0) continue;
            int own = community[v], first = offsets[v], last = offsets[v + 1];
            var (best, gained) = last - first <= SmallDegree
                ? BestOfFew(weights, v, own, first, last, k / m2)
                : BestOfMany(weights, accumulator, v, own, first, last, k / m2);
            if (best == own) continue;
            total[own] -= k;
            total[best] += k;
            community[v] = best;
            moves++;
            gain += 2 * gained / m2;
            for (int e = first; e < last; e++) active[targets[e]] = 1;
        }
        _accumulators.Add(accumulator);
        return (moves, gain);
    }

    /// <returns>Nodes moved and the modularity gained by the sweep, as estimated when each colour chose.</returns>
    private (int Moves, double Gain) Sweep<TWeights>(TWeights weights) where TWeights : struct, ILouvainWeights
    {
        int moves = 0;
        double gain = 0, m2 = _graph.TotalStrength;
        var colouring = _colouring!;
        int[] members = colouring.Members, classOffsets = colouring.ClassOffsets;
        for (int c = 0; c < colouring.ClassCount; c++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            int start = classOffsets[c], end = classOffsets[c + 1];
            Decide(weights, start, end);
            int moved = 0;
            // Applying in node order, with gains summed in that order, keeps the totals bit-identical for any thread count.
            for (int i = start; i < end; i++)
            {
                int best = _proposal[i];
                if (best < 0) continue;
                int v = members[i];
                double k = _graph.Strength[v];
                _total[Community[v]] -= k;
                _total[best] += k;
                Community[v] = best;
                gain += 2 * _proposalGain[i] / m2;
                _moved[moved++] = v;
            }
            moves += moved;
            Activate(moved);
        }
        return (moves, gain);
    }

    private void Decide<TWeights>(TWeights weights, int start, int end) where TWeights : struct, ILouvainWeights
    {
        if (_concurrency == 1 || end - start < ParallelThreshold)
        {
            var accumulator = Rent();
            DecideRange(weights, accumulator, start, end);
            _accumulators.Add(accumulator);
            return;
        }
        int batches = (end - start + BatchSize - 1) / BatchSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = _cancellationToken };
        Parallel.For(0, batches, options, Rent, (b, _, accumulator) =>
        {
            DecideRange(weights, accumulator, start + b * BatchSize, Math.Min(end, start + (b + 1) * BatchSize));
            return accumulator;
        }, _accumulators.Add);
    }

    private LouvainAccumulator Rent() => _accumulators.TryTake(out var accumulator) ? accumulator : new LouvainAccumulator(_graph.NodeCount);

    /// <summary>Fills _proposal (best community, or -1 to stay) and _proposalGain for members start..end-1.</summary>
    private void DecideRange<TWeights>(TWeights weights, LouvainAccumulator accumulator, int start, int end)
        where TWeights : struct, ILouvainWeights
    {
        int[] offsets = _graph.Offsets, members = _colouring!.Members, community = Community;
        double[] strength = _graph.Strength;
        double m2 = _graph.TotalStrength;
        for (int i = start; i < end; i++)
        {
            _proposal[i] = -1;
            int v = members[i];
            if (_active[v] == 0) continue;
            _active[v] = 0;
            double k = strength[v];
            if (k == 0) continue;
            int own = community[v], first = offsets[v], last = offsets[v + 1];
            double ratio = k / m2;
            var (best, gain) = last - first <= SmallDegree
                ? BestOfFew(weights, v, own, first, last, ratio)
                : BestOfMany(weights, accumulator, v, own, first, last, ratio);
            if (best == own) continue;
            _proposal[i] = best;
            _proposalGain[i] = gain;
        }
    }

    /// <summary>
    /// The best community for a node of low degree (most nodes): its few neighbouring communities are summed in
    /// registers-sized lists on the stack with a linear search, which avoids the accumulator's two random reads
    /// per slot into node-count-sized arrays.
    /// </summary>
    private (int Best, double Gain) BestOfFew<TWeights>(TWeights weights, int v, int own, int first, int last, double ratio)
        where TWeights : struct, ILouvainWeights
    {
        int[] targets = _graph.Targets, community = Community;
        Span<int> seen = stackalloc int[SmallDegree + 1];
        Span<double> weight = stackalloc double[SmallDegree + 1];
        seen[0] = own;
        weight[0] = 0;
        int count = 1;
        for (int e = first; e < last; e++)
        {
            int u = targets[e];
            if (u == v) continue;
            int c = community[u], j = 0;
            while (j < count && seen[j] != c) j++;
            if (j == count)
            {
                seen[count] = c;
                weight[count++] = 0;
            }
            weight[j] += weights.At(e);
        }
        double k = _graph.Strength[v];
        double stay = weight[0] - (_total[own] - k) * ratio, bestScore = stay;
        int best = own;
        for (int j = 1; j < count; j++)
        {
            double score = weight[j] - _total[seen[j]] * ratio;
            if (score > bestScore)
            {
                bestScore = score;
                best = seen[j];
            }
        }
        return (best, bestScore - stay);
    }

    /// <summary>The same choice for a node of high degree, summed in the thread's dense accumulator.</summary>
    private (int Best, double Gain) BestOfMany<TWeights>(
        TWeights weights, LouvainAccumulator accumulator, int v, int own, int first, int last, double ratio)
        where TWeights : struct, ILouvainWeights
    {
        int[] targets = _graph.Targets, community = Community;
        accumulator.Begin();
        accumulator.Include(own);
        for (int e = first; e < last; e++)
        {
            int u = targets[e];
            // A self slot stays with v wherever it goes, so it adds nothing to any community's pull.
            if (u != v) accumulator.Add(community[u], weights.At(e));
        }
        // Scores are the gain of inserting v into c, times m, with v taken out of its own community first.
        double k = _graph.Strength[v];
        double stay = accumulator.WeightTo(own) - (_total[own] - k) * ratio, bestScore = stay;
        int best = own;
        foreach (int c in accumulator.Touched)
        {
            if (c == own) continue;
            double score = accumulator.WeightTo(c) - _total[c] * ratio;
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }
        return (best, bestScore - stay);
    }

    /// <summary>Neighbours of the nodes just moved are looked at again; setting a flag to 1 twice is harmless, so this may run in parallel.</summary>
    private void Activate(int moved)
    {
        int[] offsets = _graph.Offsets, targets = _graph.Targets, movedNodes = _moved;
        byte[] active = _active;
        void Range(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                int v = movedNodes[i];
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) active[targets[e]] = 1;
            }
        }
        if (_concurrency == 1 || moved < ParallelThreshold)
        {
            Range(0, moved);
            return;
        }
        int batches = (moved + BatchSize - 1) / BatchSize;
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = _concurrency }, b => Range(b * BatchSize, Math.Min(moved, (b + 1) * BatchSize)));
    }
}
