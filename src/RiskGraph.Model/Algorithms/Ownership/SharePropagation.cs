using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Ownership;

/// <summary>
/// Spreads ownership mass along SHAREHOLDER_OF edges in rounds: mass m at a node crosses an edge of share s as
/// m·s, and every node reached adds up what arrives (its integrated share). Upwards (towards holders) the mass
/// stops at ultimate holders, which makes this the absorbing Markov chain of equity penetration, solved by
/// iterating until the mass still travelling drops below the tolerance. We iterate rather than bound the path
/// length because cross-holdings make the set of paths infinite while their total converges geometrically
/// (e.g. B and C holding 50 % and 10 % of each other lose 95 % of the circulating mass per loop).
/// Shares come from <see cref="OwnershipShares"/> (scaled where an enterprise's add up to more than 1). Walking
/// down from a holder, mass that comes back to the holder is dropped: a cross-holding must not let a holder own
/// through itself, which would count the same stake again on every loop (two enterprises holding 90 % of each
/// other would otherwise "own" 474 % of each other).
/// Results live in the scratch: <see cref="TraversalScratch.SecondValue"/> (integrated share) and
/// <see cref="TraversalScratch.Depth"/> (first round reached, capped at 255) for every visited node.
/// </summary>
internal sealed class SharePropagation(GraphSnapshot snapshot, TraversalScratch scratch, CancellationToken cancellationToken)
{
    public const ushort TopKnown = 1, Top = 2;

    private static readonly byte ShareholderIn = EdgeKind.Incoming(RelationType.ShareholderOf);

    private readonly OwnershipShares _shares = OwnershipShares.For(snapshot.Graph);
    private readonly List<int> _frontier = [];
    private readonly List<double> _frontierMass = [];
    private readonly List<int> _next = [];

    /// <param name="kind">Incoming SHAREHOLDER_OF walks up to holders, Outgoing walks down to holdings.</param>
    /// <param name="stopAtTop">Absorb mass at ultimate holders instead of passing it on.</param>
    public (int Rounds, bool Converged) Run(int origin, byte kind, bool stopAtTop, double tolerance, int maxRounds)
    {
        var graph = snapshot.Graph;
        int[] offsets = graph.Offsets, targets = graph.Targets;
        byte[] kinds = graph.Kinds;
        bool up = kind == ShareholderIn;
        double[] mass = scratch.Value, integrated = scratch.SecondValue;
        int[] joinedRound = scratch.Tag;
        scratch.Begin();
        Enter(origin, 0);
        _frontier.Clear();
        _frontierMass.Clear();
        _frontier.Add(origin);
        _frontierMass.Add(1.0);

        int rounds = 0;
        while (_frontier.Count > 0)
        {
            if (rounds == maxRounds) return (rounds, false);
            cancellationToken.ThrowIfCancellationRequested();
            rounds++;
            _next.Clear();
            for (int i = 0; i < _frontier.Count; i++)
            {
                int v = _frontier[i];
                double m = _frontierMass[i];
                for (int e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    if (kinds[e] != kind) continue;
                    int h = targets[e];
                    // Upwards the shares are held in v, downwards in h.
                    double arriving = m * _shares.Share(e, up ? v : h);
                    if (!(arriving > 0) || (!up && h == origin)) continue;
                    Enter(h, rounds);
                    integrated[h] += arriving;
                    if (stopAtTop && IsTop(h)) continue;
                    if (joinedRound[h] != rounds)
                    {
                        joinedRound[h] = rounds;
                        mass[h] = 0;
                        _next.Add(h);
                    }
                    mass[h] += arriving;
                }
            }
            double travelling = 0;
            _frontier.Clear();
            _frontierMass.Clear();
            foreach (int h in _next)
            {
                _frontier.Add(h);
                _frontierMass.Add(mass[h]);
                travelling += mass[h];
            }
            if (travelling < tolerance) return (rounds, true);
        }
        return (rounds, true);
    }

    /// <summary>The share edge slot <paramref name="edge"/> of the held enterprise <paramref name="held"/> carries.</summary>
    public double ShareOf(int edge, int held) => _shares.Share(edge, held);

    /// <summary>A natural person, or an enterprise without shareholders: nothing above it to pass mass to.</summary>
    public bool IsTop(int node)
    {
        ushort[] flags = scratch.Mask;
        if ((flags[node] & TopKnown) != 0) return (flags[node] & Top) != 0;
        var graph = snapshot.Graph;
        bool top = true;
        if (node < snapshot.EnterpriseCount)
            for (int e = graph.Offsets[node]; e < graph.Offsets[node + 1] && top; e++)
                top = graph.Kinds[e] != ShareholderIn;
        flags[node] |= top ? (ushort)(TopKnown | Top) : TopKnown;
        return top;
    }

    private void Enter(int node, int round)
    {
        if (!scratch.TryVisit(node)) return;
        scratch.SecondValue[node] = 0;
        scratch.Tag[node] = -1;
        scratch.Mask[node] = 0;
        scratch.Depth[node] = (byte)Math.Min(round, byte.MaxValue);
    }
}
