using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace RiskGraph.Api.Reports;

/// <summary>
/// Gives PDFsharp the Simplified Chinese face of Noto Sans CJK from Debian's fonts-noto-cjk, so Chinese names and
/// rules render and are embedded in every report. Debian ships the faces as one OpenType collection (.ttc), which
/// PDFsharp 6.2 cannot open, so the face is copied out of the collection into a standalone OpenType font once.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    public const string Family = "Noto Sans CJK SC";

    /// <summary>Where Debian's fonts-noto-cjk puts the collection; RiskGraph:ReportFont overrides it.</summary>
    public const string DebianPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    private readonly Lazy<byte[]> _face;

    public CjkFontResolver(string path) => _face = new Lazy<byte[]>(() => LoadFace(path, Family));

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // One face for everything: headings differ by size, and simulated bold keeps the single embedded font.
        new(Family, bold, false);

    public byte[]? GetFont(string faceName) => _face.Value;

    /// <summary>The face named <paramref name="fullName"/> from a .ttc, or the file itself when it is a single font.</summary>
    public static byte[] LoadFace(string path, string fullName)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The CJK font for PDF reports is missing: install Debian's fonts-noto-cjk or set RiskGraph:ReportFont.", path);
        byte[] file = File.ReadAllBytes(path);
        if (Tag(file, 0) != "ttcf") return file;
        int faces = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8));
        for (int i = 0; i < faces; i++)
        {
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + 4 * i));
            if (FullNameOf(file, offset) == fullName) return Extract(file, offset);
        }
        throw new InvalidDataException($"{path} has no face named {fullName}.");
    }

    // A standalone font: the face's table directory followed by copies of its tables (4-byte aligned, offsets rewritten).
    private static byte[] Extract(byte[] file, int face)
    {
        int tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(face + 4));
        int headerLength = 12 + 16 * tables;
        int size = headerLength;
        for (int t = 0; t < tables; t++) size += Align((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(face + 12 + 16 * t + 12)));
        var font = new byte[size];
        file.AsSpan(face, headerLength).CopyTo(font);
        int position = headerLength;
        for (int t = 0; t < tables; t++)
        {
            var record = font.AsSpan(12 + 16 * t);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            file.AsSpan(offset, length).CopyTo(font.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            position += Align(length);
        }
        return font;
    }

    private static string? FullNameOf(byte[] file, int face)
    {
        int tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(face + 4));
        for (int t = 0; t < tables; t++)
        {
            int record = face + 12 + 16 * t;
            if (Tag(file, record) != "name") continue;
            int table = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(record + 8));
            int count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(table + 2));
            int strings = table + BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(table + 4));
            for (int r = 0; r < count; r++)
            {
                var name = file.AsSpan(table + 6 + 12 * r, 12);
                // Windows platform (3), US English (0x409), full font name (4), UTF-16 big-endian.
                if (BinaryPrimitives.ReadUInt16BigEndian(name) != 3 || BinaryPrimitives.ReadUInt16BigEndian(name[4..]) != 0x409
                    || BinaryPrimitives.ReadUInt16BigEndian(name[6..]) != 4) continue;
                int length = BinaryPrimitives.ReadUInt16BigEndian(name[8..]), offset = BinaryPrimitives.ReadUInt16BigEndian(name[10..]);
                return System.Text.Encoding.BigEndianUnicode.GetString(file, strings + offset, length);
            }
        }
        return null;
    }

    private static string Tag(byte[] file, int at) => System.Text.Encoding.ASCII.GetString(file, at, 4);

    private static int Align(int length) => (length + 3) & ~3;
}
