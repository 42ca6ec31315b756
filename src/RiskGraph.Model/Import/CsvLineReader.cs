using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace RiskGraph.Model.Import;

/// <summary>
/// Reads a file line by line in bounded memory: lines end at LF, CRLF or a lone CR (mixed freely), a line longer
/// than <see cref="ImportOptions.MaxLineBytes"/> fails as soon as the limit is crossed, and each line is decoded
/// strictly (UTF-8, or GB18030 when asked for), so a wrongly encoded file fails at its first bad byte instead of
/// being stored as U+FFFD. Splitting on bytes is safe in both encodings: CR, LF, comma and quote never occur
/// inside a multi-byte UTF-8 or GB18030 character.
/// </summary>
internal sealed class CsvLineReader : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly string _fileName;
    private readonly ImportOptions _options;
    private readonly byte[] _buffer = new byte[BufferSize];
    private byte[] _line = new byte[4096];
    private char[] _chars = [];
    private int _position, _length, _lineLength;
    private bool _started, _skipLf;

    public CsvLineReader(Stream stream, string fileName, ImportOptions options)
    {
        _stream = stream;
        _fileName = fileName;
        _options = options;
    }

    public static CsvLineReader Open(string path, ImportOptions options) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan),
            Path.GetFileName(path), options);

    /// <summary>The 1-based number of the line last read.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line without its line end, or null at the end of the file (an empty last line counts as none).</summary>
    public string? ReadLine()
    {
        _lineLength = 0;
        bool ended = false;
        while (!ended)
        {
            if (_position == _length && !Fill())
            {
                if (_lineLength == 0) return null;
                break;
            }
            if (_skipLf)
            {
                _skipLf = false;
                if (_buffer[_position] == (byte)'\n')
                {
                    _position++;
                    continue;
                }
            }
            var span = _buffer.AsSpan(_position, _length - _position);
            int end = span.IndexOfAny((byte)'\n', (byte)'\r');
            Append(end < 0 ? span : span[..end]);
            _position += end < 0 ? span.Length : end;
            if (end >= 0)
            {
                _skipLf = _buffer[_position++] == (byte)'\r';
                ended = true;
            }
        }
        LineNumber++;
        return Decode(_line.AsSpan(0, _lineLength));
    }

    public ImportException Error(int column, string reason) => new(_fileName, LineNumber, column, reason);

    public void Dispose() => _stream.Dispose();

    private bool Fill()
    {
        _position = 0;
        _length = _stream.ReadAtLeast(_buffer, _buffer.Length, throwOnEndOfStream: false);
        if (!_started)
        {
            _started = true;
            _position = ByteOrderMarkLength(_buffer.AsSpan(0, _length));
        }
        return _position < _length;
    }

    private int ByteOrderMarkLength(ReadOnlySpan<byte> start)
    {
        bool utf8Bom = start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            throw new ImportException(_fileName, 1, 1, $"not {EncodingName} (looks like UTF-16)");
        if (_options.Encoding == ImportEncoding.Utf8) return utf8Bom ? 3 : 0;
        if (utf8Bom) throw new ImportException(_fileName, 1, 1, "not GB18030: it starts with a UTF-8 byte-order mark (import it without --encoding)");
        return start.StartsWith((ReadOnlySpan<byte>)[0x84, 0x31, 0x95, 0x33]) ? 4 : 0;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        int max = _options.MaxLineBytes;
        if (_lineLength + bytes.Length > max)
        {
            int column = ColumnAt(_line.AsSpan(0, _lineLength), 1, out bool inQuotes);
            column = ColumnAt(bytes[..(max - _lineLength)], column, out _, inQuotes);
            throw new ImportException(_fileName, LineNumber + 1, column, $"the line is longer than {max:N0} bytes");
        }
        if (_lineLength + bytes.Length > _line.Length)
            Array.Resize(ref _line, Math.Min(max, Math.Max(_line.Length * 2, _lineLength + bytes.Length)));
        bytes.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += bytes.Length;
    }

    private string Decode(ReadOnlySpan<byte> bytes)
    {
        if (_chars.Length < bytes.Length) _chars = new char[Math.Max(bytes.Length, Math.Min(_options.MaxLineBytes, _chars.Length * 2))];
        if (_options.Encoding == ImportEncoding.Gb18030) return DecodeGb18030(bytes);
        var status = Utf8.ToUtf16(bytes, _chars, out int read, out int written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return new string(_chars, 0, written);
        string guess = TextEncodings.DecodesAsGb18030(bytes) ? "looks like GB18030/GBK" : $"byte 0x{bytes[read]:X2} at byte {read + 1} of the line";
        throw Error(ColumnAt(bytes[..read], 1, out _), $"not UTF-8 ({guess})");
    }

    private string DecodeGb18030(ReadOnlySpan<byte> bytes)
    {
        // Non-ASCII text that is valid UTF-8 is almost never GBK by accident, while UTF-8 read as GB18030 often
        // "succeeds" as mojibake: refusing it keeps a wrong --encoding from overwriting every name.
        if (bytes.ContainsAnyInRange((byte)0x80, (byte)0xFF) && Utf8.IsValid(bytes))
            throw Error(ColumnAt(bytes[..bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF)], 1, out _),
                "not GB18030 (looks like UTF-8: import it without --encoding)");
        try
        {
            int written = TextEncodings.StrictGb18030.GetChars(bytes, _chars);
            return new string(_chars, 0, written);
        }
        catch (DecoderFallbackException e)
        {
            int at = Math.Clamp(e.Index, 0, bytes.Length);
            throw Error(ColumnAt(bytes[..at], 1, out _), "not GB18030 (a byte sequence no GB18030 character has)");
        }
    }

    private string EncodingName => _options.Encoding == ImportEncoding.Utf8 ? "UTF-8" : "GB18030";

    /// <summary>The 1-based field number after <paramref name="bytes"/>: commas outside quotes, plus the one we start in.</summary>
    private static int ColumnAt(ReadOnlySpan<byte> bytes, int column, out bool inQuotes, bool startInQuotes = false)
    {
        inQuotes = startInQuotes;
        foreach (byte b in bytes)
        {
            if (b == (byte)'"') inQuotes = !inQuotes;
            else if (b == (byte)',' && !inQuotes) column++;
        }
        return column;
    }
}
