namespace RiskGraph.Model.Credit;

/// <summary>
/// Records sorted stably by owner into one array with offsets, as in the CSR graph. Immutable: a patch builds a new
/// one whose untouched owners are copied over in one pass, which costs a copy of references, not a regrouping.
/// </summary>
internal sealed class Grouped<T>
{
    private readonly T[] _items;
    private readonly int[] _start;

    public Grouped(int owners, IReadOnlyList<T> items, Func<T, int> ownerOf)
    {
        _start = new int[owners + 1];
        var owner = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            owner[i] = ownerOf(items[i]);
            _start[owner[i] + 1]++;
        }
        for (int o = 0; o < owners; o++) _start[o + 1] += _start[o];
        _items = new T[items.Count];
        var cursor = _start[..owners];
        for (int i = 0; i < items.Count; i++) _items[cursor[owner[i]]++] = items[i];
    }

    private Grouped(T[] items, int[] start) => (_items, _start) = (items, start);

    public int Owners => _start.Length - 1;

    public ReadOnlySpan<T> Of(int owner) => _items.AsSpan(_start[owner], _start[owner + 1] - _start[owner]);

    /// <summary>Every item, owner by owner.</summary>
    public T[] All() => (T[])_items.Clone();

    /// <summary>The same grouping with every item mapped (e.g. to its corrected values).</summary>
    public Grouped<T> Select(Func<T, T> map)
    {
        var items = new T[_items.Length];
        for (int i = 0; i < items.Length; i++) items[i] = map(_items[i]);
        return new Grouped<T>(items, _start);
    }

    /// <summary>A copy in which the owners named in <paramref name="replaced"/> hold exactly the given items.</summary>
    public Grouped<T> With(IReadOnlyDictionary<int, T[]> replaced)
    {
        if (replaced.Count == 0) return this;
        int owners = Owners;
        var start = new int[owners + 1];
        for (int o = 0; o < owners; o++)
            start[o + 1] = start[o] + (replaced.TryGetValue(o, out var items) ? items.Length : _start[o + 1] - _start[o]);
        var result = new T[start[owners]];
        int from = 0;
        // Runs of untouched owners are copied as one block; touched owners in between get their new items.
        foreach (int owner in replaced.Keys.Order())
        {
            Array.Copy(_items, _start[from], result, start[from], _start[owner] - _start[from]);
            replaced[owner].CopyTo(result, start[owner]);
            from = owner + 1;
        }
        Array.Copy(_items, _start[from], result, start[from], _start[owners] - _start[from]);
        return new Grouped<T>(result, start);
    }
}
