namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Edges as read from the files, before duplicates are merged: parallel growable arrays of dense node ids,
/// relation type ids and weights, plus the relation type names in order of first appearance.
/// </summary>
public sealed class RawEdgeList
{
    private readonly Dictionary<string, int> _typeIds = new(StringComparer.Ordinal);
    private readonly List<string> _typeNames = [];
    private int[] _sources = new int[1024];
    private int[] _targets = new int[1024];
    private int[] _types = new int[1024];
    private float[] _weights = new float[1024];

    public int Count { get; private set; }

    public IReadOnlyList<string> TypeNames => _typeNames;

    public ReadOnlySpan<int> Sources => _sources.AsSpan(0, Count);

    public ReadOnlySpan<int> Targets => _targets.AsSpan(0, Count);

    public ReadOnlySpan<int> Types => _types.AsSpan(0, Count);

    public ReadOnlySpan<float> Weights => _weights.AsSpan(0, Count);

    public int TypeId(string name)
    {
        if (_typeIds.TryGetValue(name, out int id)) return id;
        id = _typeNames.Count;
        _typeIds[name] = id;
        _typeNames.Add(name);
        return id;
    }

    public void Add(int source, int target, int type, float weight)
    {
        if (Count == _sources.Length)
        {
            int size = Count * 2;
            Array.Resize(ref _sources, size);
            Array.Resize(ref _targets, size);
            Array.Resize(ref _types, size);
            Array.Resize(ref _weights, size);
        }
        _sources[Count] = source;
        _targets[Count] = target;
        _types[Count] = type;
        _weights[Count] = weight;
        Count++;
    }
}
