using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RiskGraph.Model.Algorithms;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Monitoring;

/// <summary>
/// Writes an event's detail object: the kind's own fields, then the member, the enterprise and the typed path between
/// them in the shape of the alerts' paths (nodes with id, kind, label, industry, region; edges with source, target, type).
/// </summary>
internal sealed class WatchDetail : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _writer;

    public WatchDetail()
    {
        _writer = new Utf8JsonWriter(_buffer, Options);
        _writer.WriteStartObject();
    }

    public Utf8JsonWriter Writer => _writer;

    public WatchDetail Text(string name, string? value)
    {
        if (value is null) _writer.WriteNull(name);
        else _writer.WriteString(name, value);
        return this;
    }

    public WatchDetail Number(string name, double? value)
    {
        if (value is { } v) _writer.WriteNumber(name, Math.Round(v, 6));
        else _writer.WriteNull(name);
        return this;
    }

    /// <summary>Closes the object with the path from the member to the enterprise and returns the JSON text.</summary>
    public string Finish(GraphSnapshot snapshot, int[] path)
    {
        _writer.WriteNumber("hops", Hops(snapshot, path));
        _writer.WritePropertyName("path");
        WritePath(_writer, snapshot, path, WatchIndex.StepsOf(snapshot.Graph, path));
        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose() => _writer.Dispose();

    private static int Hops(GraphSnapshot snapshot, int[] path)
    {
        int hops = 0;
        for (int i = 1; i < path.Length; i++) if (snapshot.Ids.IsEnterprise(path[i])) hops++;
        return hops;
    }

    public static void WritePath(Utf8JsonWriter w, GraphSnapshot snapshot, int[] nodes, PathStep[] steps)
    {
        w.WriteStartObject();
        w.WriteStartArray("nodes");
        foreach (int node in nodes) WriteNode(w, snapshot, node);
        w.WriteEndArray();
        w.WriteStartArray("edges");
        for (int i = 0; i < steps.Length; i++)
        {
            string from = snapshot.Ids.KeyOf(nodes[i]), to = snapshot.Ids.KeyOf(nodes[i + 1]);
            w.WriteStartObject();
            w.WriteString("source", steps[i].Forward ? from : to);
            w.WriteString("target", steps[i].Forward ? to : from);
            w.WriteString("type", steps[i].Type.Name());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteNode(Utf8JsonWriter w, GraphSnapshot snapshot, int node)
    {
        w.WriteStartObject();
        w.WriteString("id", snapshot.Ids.KeyOf(node));
        bool enterprise = snapshot.Ids.IsEnterprise(node);
        w.WriteString("kind", enterprise ? "enterprise" : "person");
        w.WriteString("label", snapshot.LabelOf(node));
        var a = snapshot.Enterprises;
        if (enterprise) w.WriteString("industry", a.IndustryCodes[a.Industry[node]]);
        else w.WriteNull("industry");
        if (enterprise) w.WriteString("region", a.RegionCodes[a.Region[node]]);
        else w.WriteNull("region");
        w.WriteEndObject();
    }

    /// <summary>A stable id from what happened: the same facts give the same id in every process, at any time.</summary>
    public static string StableId(string prefix, params string[] parts)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return prefix + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
