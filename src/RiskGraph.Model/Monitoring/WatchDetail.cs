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
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public WatchDetail() => _writer = new Utf8JsonWriter(_buffer, Options);

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
        Start().Text("member_name", snapshot.Enterprises.Names[member]).Text("enterprise_name", snapshot.Enterprises.Names[enterprise]);
        _writer.WriteNumber("hops", Hops(snapshot, path));
        _writer.WritePropertyName("path");
        WritePath(_writer, snapshot, path);
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

    public void Dispose() => _writer.Dispose();

    private static int Hops(GraphSnapshot snapshot, ReadOnlySpan<int> path)
    {
        int hops = 0;
        for (int i = 1; i < path.Length; i++) if (snapshot.Ids.IsEnterprise(path[i])) hops++;
        return hops;
    }

    /// <summary>The path through adjacent <paramref name="nodes"/>: the nodes, then the relation between each two.</summary>
    public static void WritePath(Utf8JsonWriter w, GraphSnapshot snapshot, ReadOnlySpan<int> nodes)
    {
        w.WriteStartObject();
        w.WriteStartArray("nodes");
        foreach (int node in nodes) WriteNode(w, snapshot, node);
        w.WriteEndArray();
        w.WriteStartArray("edges");
        for (int i = 0; i + 1 < nodes.Length; i++)
        {
            string from = snapshot.Ids.KeyOf(nodes[i]), to = snapshot.Ids.KeyOf(nodes[i + 1]);
            var (type, forward) = WatchIndex.StepBetween(snapshot.Graph, nodes[i], nodes[i + 1]);
            w.WriteStartObject();
            w.WriteString("source", forward ? from : to);
            w.WriteString("target", forward ? to : from);
            w.WriteString("type", type.Name());
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
