using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Monitoring;

/// <summary>
/// Writes an event's detail object: the kind's own fields, then the member, the enterprise and the typed path between
/// them in the shape of the alerts' paths (nodes with id, kind, label, industry, region; edges with source, target, type).
/// One instance is reused for many events (its buffers grow once); it is not thread-safe.
/// </summary>
internal sealed class WatchDetail : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    // Names and fixed values encoded once: a large batch writes them a million times.
    private static readonly JsonEncodedText MemberName = JsonEncodedText.Encode("member_name"), EnterpriseName = JsonEncodedText.Encode("enterprise_name"),
        HopsName = JsonEncodedText.Encode("hops"), PathName = JsonEncodedText.Encode("path"), NodesName = JsonEncodedText.Encode("nodes"),
        EdgesName = JsonEncodedText.Encode("edges"), IdName = JsonEncodedText.Encode("id"), KindName = JsonEncodedText.Encode("kind"),
        LabelName = JsonEncodedText.Encode("label"), IndustryName = JsonEncodedText.Encode("industry"), RegionName = JsonEncodedText.Encode("region"),
        SourceName = JsonEncodedText.Encode("source"), TargetName = JsonEncodedText.Encode("target"), TypeName = JsonEncodedText.Encode("type"),
        EnterpriseKind = JsonEncodedText.Encode("enterprise"), PersonKind = JsonEncodedText.Encode("person");
    private static readonly JsonEncodedText[] TypeNames = Enum.GetValues<RelationType>().Select(t => JsonEncodedText.Encode(t.Name())).ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    // The last enterprise node written, kept as JSON: events are written enterprise by enterprise, so the lists
    // that watch one enterprise share its node. One instance serves one snapshot.
    private readonly ArrayBufferWriter<byte> _node = new(256);
    private readonly Utf8JsonWriter _nodeWriter;
    private int _nodeId = -1;

    public WatchDetail()
    {
        _writer = new Utf8JsonWriter(_buffer, Options);
        _nodeWriter = new Utf8JsonWriter(_node, Options);
    }

    public Utf8JsonWriter Writer => _writer;

    /// <summary>Starts a new object, forgetting whatever was written before.</summary>
    public WatchDetail Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        return this;
    }

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

    /// <summary>Closes the object and returns it as UTF-8: the kind's fields, written once and shared by every list's event.</summary>
    public byte[] FinishFields()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes the part of an event that depends on the list and the enterprise only: the member's and the enterprise's
    /// names and the path from one to the other. It stays until the next <see cref="Start"/>, so events of one list
    /// about one enterprise (a penalty and the class change it brings) share it through <see cref="Join"/>.
    /// </summary>
    public void WriteWatcherPart(GraphSnapshot snapshot, int member, int enterprise, ReadOnlySpan<int> path)
    {
        Start();
        _writer.WriteString(MemberName, snapshot.Enterprises.Names[member]);
        _writer.WriteString(EnterpriseName, snapshot.Enterprises.Names[enterprise]);
        _writer.WriteNumber(HopsName, Hops(snapshot, path));
        _writer.WritePropertyName(PathName);
        WritePath(_writer, snapshot, path, NodeJson(snapshot, path[^1]));
        _writer.WriteEndObject();
        _writer.Flush();
    }

    /// <summary>
    /// <paramref name="fields"/> (a finished object) followed by the watcher part, as one UTF-8 JSON object. Kept as
    /// UTF-8, not as a string: half the memory while a large batch is held, and what the store and the receivers take.
    /// </summary>
    public byte[] Join(ReadOnlySpan<byte> fields)
    {
        // Both parts are objects the writer finished, so "{a}" and "{b}" join as "{a,b}" at ASCII braces.
        ReadOnlySpan<byte> rest = _buffer.WrittenSpan[1..];
        ReadOnlySpan<byte> head = fields[..^1];
        bool comma = fields.Length > 2;
        var json = GC.AllocateUninitializedArray<byte>(head.Length + (comma ? 1 : 0) + rest.Length);
        head.CopyTo(json);
        if (comma) json[head.Length] = (byte)',';
        rest.CopyTo(json.AsSpan(json.Length - rest.Length));
        return json;
    }

    private ReadOnlySpan<byte> NodeJson(GraphSnapshot snapshot, int node)
    {
        if (node != _nodeId)
        {
            _node.ResetWrittenCount();
            _nodeWriter.Reset(_node);
            WriteNode(_nodeWriter, snapshot, node);
            _nodeWriter.Flush();
            _nodeId = node;
        }
        return _node.WrittenSpan;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _nodeWriter.Dispose();
    }

    private static int Hops(GraphSnapshot snapshot, ReadOnlySpan<int> path)
    {
        int hops = 0;
        for (int i = 1; i < path.Length; i++) if (snapshot.Ids.IsEnterprise(path[i])) hops++;
        return hops;
    }

    /// <summary>The path through adjacent <paramref name="nodes"/>: the nodes, then the relation between each two.</summary>
    /// <param name="lastNode">The last node already written as JSON (by <see cref="WriteNode"/>), or empty to write it here.</param>
    public static void WritePath(Utf8JsonWriter w, GraphSnapshot snapshot, ReadOnlySpan<int> nodes, ReadOnlySpan<byte> lastNode = default)
    {
        w.WriteStartObject();
        w.WriteStartArray(NodesName);
        for (int i = 0; i < nodes.Length; i++)
        {
            if (i == nodes.Length - 1 && !lastNode.IsEmpty) w.WriteRawValue(lastNode, skipInputValidation: true);
            else WriteNode(w, snapshot, nodes[i]);
        }
        w.WriteEndArray();
        w.WriteStartArray(EdgesName);
        for (int i = 0; i + 1 < nodes.Length; i++)
        {
            string from = snapshot.Ids.KeyOf(nodes[i]), to = snapshot.Ids.KeyOf(nodes[i + 1]);
            var (type, forward) = WatchIndex.StepBetween(snapshot.Graph, nodes[i], nodes[i + 1]);
            w.WriteStartObject();
            w.WriteString(SourceName, forward ? from : to);
            w.WriteString(TargetName, forward ? to : from);
            w.WriteString(TypeName, TypeNames[(int)type]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteNode(Utf8JsonWriter w, GraphSnapshot snapshot, int node)
    {
        w.WriteStartObject();
        w.WriteString(IdName, snapshot.Ids.KeyOf(node));
        bool enterprise = snapshot.Ids.IsEnterprise(node);
        w.WriteString(KindName, enterprise ? EnterpriseKind : PersonKind);
        w.WriteString(LabelName, snapshot.LabelOf(node));
        var a = snapshot.Enterprises;
        if (enterprise) w.WriteString(IndustryName, a.IndustryCodes[a.Industry[node]]);
        else w.WriteNull(IndustryName);
        if (enterprise) w.WriteString(RegionName, a.RegionCodes[a.Region[node]]);
        else w.WriteNull(RegionName);
        w.WriteEndObject();
    }

    /// <summary>Bytes of the hash an id keeps: 96 bits, as hex.</summary>
    private const int IdBytes = 12;

    /// <summary>A stable id from what happened: the same facts give the same id in every process, at any time.</summary>
    public static string StableId(string prefix, params ReadOnlySpan<string> parts)
    {
        // The parts joined by U+001F, as UTF-8, hashed without building the joined string.
        int length = Math.Max(0, parts.Length - 1);
        foreach (string part in parts) length += Encoding.UTF8.GetByteCount(part);
        byte[]? rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> text = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        int at = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0) text[at++] = 0x1f;
            at += Encoding.UTF8.GetBytes(parts[i], text[at..]);
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text, hash);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        Span<char> id = stackalloc char[prefix.Length + 2 * IdBytes];
        prefix.CopyTo(id);
        Convert.TryToHexStringLower(hash[..IdBytes], id[prefix.Length..], out _);
        return new string(id);
    }
}
