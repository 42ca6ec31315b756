using System.Runtime.CompilerServices;

namespace RiskGraph.Model.Algorithms.Communities;

/// <summary>
/// One thread's flat accumulator of the weight from a node to each neighbouring community: a dense array indexed
/// by community with a stamp saying which entries belong to the current node, and the list of communities
/// touched, in first-touch order. Nothing is cleared or allocated per node, and there is no hashing. Sized to the
/// level's node count; one per thread.
/// </summary>
internal sealed class LouvainAccumulator
{
    // Stamp and weight side by side: one cache line per community touched instead of two.
    private readonly Entry[] _entries;
    private int[] _touched = new int[64];
    private int _count;
    private int _generation = -1;

    public LouvainAccumulator(int communities)
    {
        _entries = new Entry[communities];
        Array.Fill(_entries, new Entry { Stamp = -1 });
    }

    public int Count => _count;

    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, _count);

    public double WeightTo(int community) => _entries[community].Weight;

    /// <summary>Starts gathering for the next node or community: a new generation makes every stamp stale at once.</summary>
    public void Begin()
    {
        if (_generation == int.MaxValue)
        {
            Array.Fill(_entries, new Entry { Stamp = -1 });
            _generation = -1;
        }
        _generation++;
        _count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int community, double weight)
    {
        ref Entry entry = ref _entries[community];
        if (entry.Stamp != _generation)
        {
            entry.Stamp = _generation;
            entry.Weight = weight;
            if (_count == _touched.Length) Grow();
            _touched[_count++] = community;
        }
        else
        {
            entry.Weight += weight;
        }
    }

    private void Grow() => Array.Resize(ref _touched, _count * 2);

    private struct Entry
    {
        public int Stamp;
        public double Weight;
    }

    /// <summary>Makes sure <paramref name="community"/> is in the list (with weight 0 if nothing was added to it).</summary>
    public void Include(int community) => Add(community, 0);
}
