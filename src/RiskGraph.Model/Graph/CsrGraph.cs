namespace RiskGraph.Model.Graph;

/// <summary>
/// Compressed sparse row adjacency over dense node ids. Node v's edges are the slots
/// Offsets[v]..Offsets[v+1]-1 of Targets, Kinds and Weights. Every relation is stored at both ends
/// (see <see cref="EdgeKind"/>), so this is also the undirected view. Immutable once built.
/// </summary>
public sealed class CsrGraph
{
    public CsrGraph(int[] offsets, int[] targets, byte[] kinds, float[] weights)
    {
        if (offsets.Length == 0 || offsets[^1] != targets.Length || kinds.Length != targets.Length || weights.Length != targets.Length)
            throw new ArgumentException("Inconsistent CSR arrays.");
        Offsets = offsets;
        Targets = targets;
        Kinds = kinds;
        Weights = weights;
    }

    public static CsrGraph Empty { get; } = new([0], [], [], []);

    public int NodeCount => Offsets.Length - 1;

    /// <summary>Edge slots, i.e. twice the number of relations.</summary>
    public int EdgeCount => Targets.Length;

    public int[] Offsets { get; }

    public int[] Targets { get; }

    public byte[] Kinds { get; }

    public float[] Weights { get; }

    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    public ReadOnlySpan<int> Neighbours(int node) => Targets.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);
}
