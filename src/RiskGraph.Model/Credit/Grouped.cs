namespace RiskGraph.Model.Credit;

/// <summary>
/// Records sorted stably by owner, in chunks of <see cref="ChunkOwners"/> consecutive owners, each one array with
/// offsets as in the CSR graph. Immutable: a patch builds a new one that shares every chunk it does not touch, so a
/// change to a few enterprises costs those chunks and an array of chunk references, not a copy of every record —
/// which at a million enterprises would be megabytes per write on the large-object heap.
/// </summary>
internal sealed class Grouped<T>
{
    public const int ChunkOwners = 256;
    private const int ChunkShift = 8;

    private readonly Chunk[] _chunks;

    public Grouped(int owners, IReadOnlyList<T> items, Func<T, int> ownerOf)
    {
        Owners = owners;
        var start = new int[owners + 1];
        var owner = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            owner[i] = ownerOf(items[i]);
            start[owner[i] + 1]++;
        }
        for (int o = 0; o < owners; o++) start[o + 1] += start[o];
        var sorted = new T[items.Count];
        var cursor = start[..owners];
        for (int i = 0; i < items.Count; i++) sorted[cursor[owner[i]]++] = items[i];
        _chunks = new Chunk[(owners + ChunkOwners - 1) >> ChunkShift];
        for (int c = 0; c < _chunks.Length; c++)
        {
            int first = c << ChunkShift, end = Math.Min(owners, first + ChunkOwners);
            var offsets = new int[end - first + 1];
            for (int o = first; o <= end; o++) offsets[o - first] = start[o] - start[first];
            _chunks[c] = new Chunk(sorted[start[first]..start[end]], offsets);
        }
    }

    private Grouped(int owners, Chunk[] chunks) => (Owners, _chunks) = (owners, chunks);

    public int Owners { get; }

    public ReadOnlySpan<T> Of(int owner)
    {
        var chunk = _chunks[owner >> ChunkShift];
        int local = owner & (ChunkOwners - 1);
        return chunk.Items.AsSpan(chunk.Offsets[local], chunk.Offsets[local + 1] - chunk.Offsets[local]);
    }

    /// <summary>Every item, owner by owner.</summary>
    public T[] All()
    {
        var all = new List<T>();
        foreach (var chunk in _chunks) all.AddRange(chunk.Items);
        return [.. all];
    }

    /// <summary>The same grouping with every item mapped (e.g. to its corrected values).</summary>
    public Grouped<T> Select(Func<T, T> map)
    {
        var chunks = new Chunk[_chunks.Length];
        for (int c = 0; c < chunks.Length; c++)
        {
            var items = new T[_chunks[c].Items.Length];
            for (int i = 0; i < items.Length; i++) items[i] = map(_chunks[c].Items[i]);
            chunks[c] = new Chunk(items, _chunks[c].Offsets);
        }
        return new Grouped<T>(Owners, chunks);
    }

    /// <summary>A copy in which the owners named in <paramref name="replaced"/> hold exactly the given items.</summary>
    public Grouped<T> With(IReadOnlyDictionary<int, T[]> replaced)
    {
        if (replaced.Count == 0) return this;
        var chunks = (Chunk[])_chunks.Clone();
        foreach (int c in replaced.Keys.Select(o => o >> ChunkShift).Distinct())
        {
            var old = _chunks[c];
            int first = c << ChunkShift, count = old.Offsets.Length - 1;
            var offsets = new int[count + 1];
            var items = new List<T>(old.Items.Length);
            for (int local = 0; local < count; local++)
            {
                if (replaced.TryGetValue(first + local, out var own)) items.AddRange(own);
                else items.AddRange(old.Items.AsSpan(old.Offsets[local], old.Offsets[local + 1] - old.Offsets[local]));
                offsets[local + 1] = items.Count;
            }
            chunks[c] = new Chunk([.. items], offsets);
        }
        return new Grouped<T>(Owners, chunks);
    }

    private sealed record Chunk(T[] Items, int[] Offsets);
}
