using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Graph;

/// <summary>
/// Collects relations as (source, target, type, weight) and lays them out as a <see cref="CsrGraph"/> with a
/// counting sort. The sort is stable, so adjacency order follows insertion order and the same input always
/// gives the same arrays.
/// </summary>
public sealed class CsrGraphBuilder(int nodeCount)
{
    private int[] _sources = new int[1024];
    private int[] _targets = new int[1024];
    private byte[] _types = new byte[1024];
    private float[] _weights = new float[1024];
    private int _count;

    public int RelationCount => _count;

    public void Add(int source, int target, RelationType type, float weight)
    {
        if ((uint)source >= (uint)nodeCount) throw new ArgumentOutOfRangeException(nameof(source));
        if ((uint)target >= (uint)nodeCount) throw new ArgumentOutOfRangeException(nameof(target));
        if (_count == _sources.Length) Grow();
        _sources[_count] = source;
        _targets[_count] = target;
        _types[_count] = (byte)type;
        _weights[_count] = weight;
        _count++;
    }

    public CsrGraph Build()
    {
        var offsets = new int[nodeCount + 1];
        for (int i = 0; i < _count; i++)
        {
            offsets[_sources[i] + 1]++;
            offsets[_targets[i] + 1]++;
        }
        for (int v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];

        int slots = offsets[nodeCount];
        var targets = new int[slots];
        var kinds = new byte[slots];
        var weights = new float[slots];
        var cursor = new int[nodeCount];
        Array.Copy(offsets, cursor, nodeCount);
        for (int i = 0; i < _count; i++)
        {
            int s = _sources[i], t = _targets[i];
            var type = (RelationType)_types[i];
            int at = cursor[s]++;
            targets[at] = t;
            kinds[at] = EdgeKind.Outgoing(type);
            weights[at] = _weights[i];
            at = cursor[t]++;
            targets[at] = s;
            kinds[at] = EdgeKind.Incoming(type);
            weights[at] = _weights[i];
        }
        return new CsrGraph(offsets, targets, kinds, weights);
    }

    private void Grow()
    {
        int size = _sources.Length * 2;
        Array.Resize(ref _sources, size);
        Array.Resize(ref _targets, size);
        Array.Resize(ref _types, size);
        Array.Resize(ref _weights, size);
    }
}
