namespace RiskGraph.Model.Graph;

/// <summary>
/// A fixed-length array of structs kept in chunks of <see cref="ChunkLength"/> elements, immutable once shared:
/// <see cref="With"/> gives a new array that shares every chunk it does not write. A live service changes a few
/// enterprises at a time, and copying only their chunks keeps a write at a million enterprises to kilobytes instead
/// of a whole-array copy on the large-object heap. Reads cost one extra indirection.
/// </summary>
public sealed class ChunkedArray<T> : IReadOnlyList<T> where T : struct
{
    public const int ChunkLength = 1 << ChunkShift;
    private const int ChunkShift = 7;

    private readonly T[][] _chunks;

    /// <summary>An array of default values, writable through <see cref="Writable"/> until it is shared.</summary>
    public ChunkedArray(int length)
    {
        Length = length;
        _chunks = new T[(length + ChunkLength - 1) >> ChunkShift][];
        for (int c = 0; c < _chunks.Length; c++) _chunks[c] = new T[Math.Min(ChunkLength, length - (c << ChunkShift))];
    }

    private ChunkedArray(int length, T[][] chunks) => (Length, _chunks) = (length, chunks);

    public static ChunkedArray<T> From(ReadOnlySpan<T> values)
    {
        var array = new ChunkedArray<T>(values.Length);
        for (int c = 0; c < array._chunks.Length; c++) values.Slice(c << ChunkShift, array._chunks[c].Length).CopyTo(array._chunks[c]);
        return array;
    }

    public T[] ToArray()
    {
        var values = new T[Length];
        for (int c = 0; c < _chunks.Length; c++) _chunks[c].CopyTo(values, c << ChunkShift);
        return values;
    }

    public int Length { get; }

    int IReadOnlyCollection<T>.Count => Length;

    T IReadOnlyList<T>.this[int index] => this[index];

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var chunk in _chunks)
        {
            foreach (var value in chunk) yield return value;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public ref readonly T this[int index] => ref _chunks[index >> ChunkShift][index & (ChunkLength - 1)];

    /// <summary>For filling an array that no reader has seen yet (a full load); never on one that is served.</summary>
    internal ref T Writable(int index) => ref _chunks[index >> ChunkShift][index & (ChunkLength - 1)];

    /// <summary>
    /// A copy in which each of <paramref name="indices"/> holds <paramref name="valueOf"/>(index), called once per
    /// index in the order given; this one is unchanged.
    /// </summary>
    public ChunkedArray<T> With(ReadOnlySpan<int> indices, Func<int, T> valueOf)
    {
        var chunks = (T[][])_chunks.Clone();
        foreach (int index in indices)
        {
            int c = index >> ChunkShift;
            if (ReferenceEquals(chunks[c], _chunks[c])) chunks[c] = (T[])_chunks[c].Clone();
            chunks[c][index & (ChunkLength - 1)] = valueOf(index);
        }
        return new ChunkedArray<T>(Length, chunks);
    }
}
