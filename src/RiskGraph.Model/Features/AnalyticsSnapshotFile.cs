using System.Runtime.InteropServices;
using System.Security.Cryptography;
using RiskGraph.Model.Algorithms.Communities;
using RiskGraph.Model.Algorithms.Components;
using RiskGraph.Model.Algorithms.Guarantees;
using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Algorithms.Ranking;
using RiskGraph.Model.Algorithms.SupplyChain;
using RiskGraph.Model.Algorithms.Traversal;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Features;

/// <summary>
/// The published result of one whole-graph analytics run, so replicas that did not compute it can load it: a header
/// (magic, format version, the snapshot's fingerprint, who computed it and when) and then every result array as its
/// raw little-endian bytes with a length prefix. Doubles stay doubles, so a replica that loads the file serves exactly
/// what it would have computed (the algorithms give the same result for any thread count).
/// </summary>
public static class AnalyticsSnapshotFile
{
    public const string Extension = ".rga";
    private const int Magic = 0x53414752; // "RGAS"
    // 2: guarantee circles and conglomerate groups are published too (issue 13).
    private const int FormatVersion = 2;

    /// <summary>Who published a snapshot and when; read from the header without the arrays.</summary>
    public sealed record Header(string Fingerprint, string Holder, DateTimeOffset ComputedAt);

    /// <summary>
    /// SHA-256 over everything the analytics read — adjacency, the negative-record seeds, industries, regions,
    /// statuses, registered capital, the day and the parameters that change results (not the thread count, which does not) — so equal
    /// fingerprints mean equal results and a replica never takes another snapshot's arrays.
    /// </summary>
    public static string Fingerprint(GraphSnapshot snapshot, GraphAnalyticsParameters parameters)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var graph = snapshot.Graph;
        Span<int> header = [FormatVersion, graph.NodeCount, graph.EdgeCount, snapshot.EnterpriseCount, snapshot.AsOf.DayNumber,
            parameters.HubFanOutCap, parameters.CrossBoundaryDepth, parameters.LocalityOrder ? 1 : 0];
        hash.AppendData(MemoryMarshal.AsBytes(header));
        hash.AppendData(MemoryMarshal.AsBytes(graph.Offsets.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(graph.Targets.AsSpan()));
        hash.AppendData(graph.Kinds);
        hash.AppendData(MemoryMarshal.AsBytes(graph.Weights.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(snapshot.Credit.Negative.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(snapshot.Enterprises.Industry.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(snapshot.Enterprises.Region.AsSpan()));
        hash.AppendData(snapshot.Enterprises.Status);
        hash.AppendData(MemoryMarshal.AsBytes(snapshot.Enterprises.RegisteredCapital.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Writes to a temporary name and renames, so a reader never sees half a file.</summary>
    public static void Write(string path, string fingerprint, string holder, DateTimeOffset computedAt, GraphAnalytics analytics)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(fingerprint);
            writer.Write(holder);
            writer.Write(computedAt.ToUnixTimeMilliseconds());
            var p = analytics.PageRank;
            WriteArray(writer, p.Scores); writer.Write(p.Iterations); writer.Write(p.Converged);
            WriteArray(writer, analytics.Components.Component); WriteArray(writer, analytics.Components.Sizes);
            var l = analytics.Communities;
            WriteArray(writer, l.Community); writer.Write(l.CommunityCount); writer.Write(l.Modularity); WriteArray(writer, l.LevelModularities);
            var r = analytics.RiskContagion;
            WriteArray(writer, r.Scores); writer.Write(r.SeedCount); writer.Write(r.Iterations); writer.Write(r.Converged);
            var s = analytics.Supply;
            WriteArray(writer, s.UpstreamRisk); WriteArray(writer, s.DownstreamRisk); WriteArray(writer, s.Score);
            var c = analytics.CrossBoundary;
            writer.Write(c.MaxDepth); WriteArray(writer, c.CrossIndustry); WriteArray(writer, c.CrossRegion); WriteArray(writer, c.CrossBoth);
            WriteArray(writer, analytics.CommunityEnterprises); WriteArray(writer, analytics.CommunityNegative);
            WriteCircles(writer, analytics.GuaranteeCircles);
            WriteGroups(writer, analytics.Groups);
            writer.Write(analytics.Seconds.Count);
            foreach (var (name, seconds) in analytics.Seconds)
            {
                writer.Write(name);
                writer.Write(seconds);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static Header ReadHeader(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        return ReadHeader(reader, path);
    }

    /// <summary>The analytics in the file, with its header.</summary>
    /// <exception cref="InvalidDataException">Not a snapshot file of this format version, or cut short.</exception>
    public static (Header Header, GraphAnalytics Analytics) Read(string path)
    {
        using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 20));
        var header = ReadHeader(reader, path);
        try
        {
            var pageRank = new PageRankResult(ReadArray<double>(reader), reader.ReadInt32(), reader.ReadBoolean());
            var components = new WccResult(ReadArray<int>(reader), ReadArray<int>(reader));
            var communities = new LouvainResult(ReadArray<int>(reader), reader.ReadInt32(), reader.ReadDouble(), ReadArray<double>(reader));
            var contagion = new PersonalizedPageRankResult(ReadArray<double>(reader), reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean());
            var supply = new SupplyChainContagionResult(ReadArray<double>(reader), ReadArray<double>(reader), ReadArray<double>(reader));
            var cross = new CrossBoundaryCounts(reader.ReadInt32(), ReadArray<int>(reader), ReadArray<int>(reader), ReadArray<int>(reader));
            int[] enterprisesPer = ReadArray<int>(reader), negativePer = ReadArray<int>(reader);
            var circles = ReadCircles(reader);
            var groups = ReadGroups(reader);
            int timings = reader.ReadInt32();
            var seconds = new Dictionary<string, double>(timings);
            for (int i = 0; i < timings; i++) seconds[reader.ReadString()] = reader.ReadDouble();
            return (header, GraphAnalytics.Restore(pageRank, components, communities, contagion, supply, cross, enterprisesPer, negativePer, seconds,
                circles, groups));
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} is cut short.", e);
        }
    }

    private static Header ReadHeader(BinaryReader reader, string path)
    {
        if (reader.BaseStream.Length < 8 || reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
            throw new InvalidDataException($"{path} is not an analytics snapshot of format {FormatVersion}.");
        return new Header(reader.ReadString(), reader.ReadString(), DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64()));
    }

    private static void WriteCircles(BinaryWriter writer, GuaranteeCirclesResult c)
    {
        WriteArray(writer, c.CircleOf); WriteArray(writer, c.CircleOffsets); WriteArray(writer, c.CircleMembers);
        WriteArray(writer, c.TotalAmount); WriteArray(writer, c.LargestAmount); WriteArray(writer, c.NegativeMembers);
        WriteArray(writer, c.MutualPairs); WriteArray(writer, c.Triangles); WriteArray(writer, c.Contagion);
        WriteArray(writer, c.MutualPartners); WriteArray(writer, c.TrianglesOf); WriteArray(writer, c.Stress); writer.Write(c.Rounds);
    }

    private static GuaranteeCirclesResult ReadCircles(BinaryReader reader) => new(
        ReadArray<int>(reader), ReadArray<int>(reader), ReadArray<int>(reader),
        ReadArray<double>(reader), ReadArray<double>(reader), ReadArray<int>(reader),
        ReadArray<int>(reader), ReadArray<int>(reader), ReadArray<double>(reader),
        ReadArray<int>(reader), ReadArray<int>(reader), ReadArray<double>(reader), reader.ReadInt32());

    private static void WriteGroups(BinaryWriter writer, ConglomerateGroupsResult g)
    {
        WriteArray(writer, g.GroupOf); WriteArray(writer, g.Offsets); WriteArray(writer, g.Members);
        WriteArray(writer, g.Controller); WriteArray(writer, g.ControlledBy); WriteArray(writer, g.Depth);
        WriteArray(writer, g.TotalCapital); WriteArray(writer, g.NegativeMembers); WriteArray(writer, g.InternalGuarantees);
        WriteArray(writer, g.InternalGuaranteeAmount); WriteArray(writer, g.InternalSupplyLinks); WriteArray(writer, g.InternalSupplyAmount);
    }

    private static ConglomerateGroupsResult ReadGroups(BinaryReader reader) => new(
        ReadArray<int>(reader), ReadArray<int>(reader), ReadArray<int>(reader),
        ReadArray<int>(reader), ReadArray<int>(reader), ReadArray<int>(reader),
        ReadArray<double>(reader), ReadArray<int>(reader), ReadArray<int>(reader),
        ReadArray<double>(reader), ReadArray<int>(reader), ReadArray<double>(reader));

    private static void WriteArray<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader) where T : unmanaged
    {
        int length = reader.ReadInt32();
        if (length < 0 || (long)length * Marshal.SizeOf<T>() > reader.BaseStream.Length) throw new InvalidDataException("An array length is out of range.");
        var values = new T[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        // Read straight into the array: no intermediate copy of what can be hundreds of megabytes.
        while (bytes.Length > 0)
        {
            int read = reader.Read(bytes);
            if (read == 0) throw new EndOfStreamException();
            bytes = bytes[read..];
        }
        return values;
    }
}
