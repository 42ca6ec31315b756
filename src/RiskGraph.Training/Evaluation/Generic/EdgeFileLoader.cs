using System.Globalization;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>What one edges file contributed: data rows read and self-loops dropped.</summary>
public sealed record EdgeFileSummary(string File, int Rows, int SelfLoops);

/// <summary>
/// Reads an edges file: a header with <c>src</c> and <c>dst</c>, optionally <c>type</c> and <c>weight</c>.
/// Without a <c>type</c> column (or with an empty cell) the relation type is the file name minus <c>edges_</c>
/// and <c>.csv</c>; without a <c>weight</c> (or empty) the weight is 1. Self-loops say nothing about a node's
/// surroundings, so they are dropped here (after their endpoints are checked); duplicates are merged later by
/// <see cref="GenericGraphBuilder"/>.
/// </summary>
public static class EdgeFileLoader
{
    public const string SourceColumn = "src", TargetColumn = "dst", TypeColumn = "type", WeightColumn = "weight";

    public static EdgeFileSummary Load(string path, NodeTable nodes, RawEdgeList edges)
    {
        using var reader = new CsvRecordReader(path);
        var header = CsvHeader.Read(reader);
        int sourceAt = header.Require(SourceColumn, reader);
        int targetAt = header.Require(TargetColumn, reader);
        int typeAt = header.IndexOf(TypeColumn);
        int weightAt = header.IndexOf(WeightColumn);
        // Registered on first use, so a file whose rows all name their type adds no empty relation type.
        string defaultType = DefaultTypeName(path);

        int rows = 0, selfLoops = 0;
        var fields = new List<string>();
        while (reader.TryRead(fields))
        {
            header.CheckFieldCount(reader, fields);
            rows++;
            int source = Resolve(reader, nodes, fields[sourceAt], sourceAt);
            int target = Resolve(reader, nodes, fields[targetAt], targetAt);
            int type = edges.TypeId(typeAt >= 0 && fields[typeAt].Trim() is { Length: > 0 } name ? name : defaultType);
            float weight = weightAt >= 0 ? ParseWeight(reader, fields[weightAt], weightAt) : 1f;
            if (source == target)
            {
                selfLoops++;
                continue;
            }
            edges.Add(source, target, type, weight);
        }
        return new EdgeFileSummary(path, rows, selfLoops);
    }

    /// <summary>edges_supply.csv → supply; a file not named edges_*.csv keeps its whole base name.</summary>
    public static string DefaultTypeName(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        return name.StartsWith("edges_", StringComparison.OrdinalIgnoreCase) && name.Length > "edges_".Length
            ? name["edges_".Length..]
            : name;
    }

    private static int Resolve(CsvRecordReader reader, NodeTable nodes, string id, int column)
    {
        if (id.Length == 0) throw reader.Error(column + 1, "empty node id");
        return nodes.TryGetIndex(id, out int index) ? index : throw reader.Error(column + 1, $"edge to unknown node id '{id}'");
    }

    private static float ParseWeight(CsvRecordReader reader, string text, int column)
    {
        if (text.Trim().Length == 0) return 1f;
        // Weights are amounts, shares or counts: a negative or non-finite one has no meaning as a strength.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < 0)
            throw reader.Error(column + 1, $"weight must be a non-negative number, found '{text}'");
        return (float)Math.Min(value, float.MaxValue);
    }
}
