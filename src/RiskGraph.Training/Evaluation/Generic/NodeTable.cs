namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>The split a node was assigned in nodes.csv; cross-validation makes its own folds and does not use it.</summary>
public enum NodeSplit : byte
{
    None,
    Train,
    Valid,
    Test,
}

/// <summary>A categorical column as dense codes: <see cref="Codes"/>[node] indexes <see cref="Values"/>, -1 when empty.</summary>
public sealed record CategoryColumn(string Name, int[] Codes, IReadOnlyList<string> Values)
{
    public const int Missing = -1;

    /// <summary>How many nodes carry each value; label-free, so safe to use as a feature.</summary>
    public int[] Frequencies()
    {
        var counts = new int[Values.Count];
        foreach (int code in Codes)
        {
            if (code != Missing) counts[code]++;
        }
        return counts;
    }
}

/// <summary>
/// The nodes of a generic graph with dense ids 0..Count-1 in file order. Labels are 1 risky, 0 not, -1 unknown.
/// Numeric attributes are column-major (one array per attribute) because features read one attribute across
/// all neighbours at a time; a missing value is NaN.
/// </summary>
public sealed class NodeTable(
    string[] ids,
    sbyte[] labels,
    NodeSplit[] splits,
    IReadOnlyList<string> attributeNames,
    float[][] attributes,
    CategoryColumn? industry,
    CategoryColumn? region)
{
    private Dictionary<string, int>? _idIndex;

    public string[] Ids { get; } = ids;

    public sbyte[] Labels { get; } = labels;

    public NodeSplit[] Splits { get; } = splits;

    public IReadOnlyList<string> AttributeNames { get; } = attributeNames;

    /// <summary>Attributes[a][node].</summary>
    public float[][] Attributes { get; } = attributes;

    public CategoryColumn? Industry { get; } = industry;

    public CategoryColumn? Region { get; } = region;

    public int Count => Ids.Length;

    public int LabelledCount => Labels.Count(l => l >= 0);

    public int PositiveCount => Labels.Count(l => l == 1);

    /// <summary>Dense id of a node id string, for resolving edge endpoints while loading (never in feature loops).</summary>
    public bool TryGetIndex(string id, out int index)
    {
        _idIndex ??= BuildIndex();
        return _idIndex.TryGetValue(id, out index);
    }

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(Ids.Length, StringComparer.Ordinal);
        for (int i = 0; i < Ids.Length; i++) index[Ids[i]] = i;
        return index;
    }
}
