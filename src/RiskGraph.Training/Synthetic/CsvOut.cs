using System.Globalization;
using System.Text;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// One CSV file in the README's dialect: UTF-8 without BOM, comma-separated, no quoting, "\n" line ends,
/// invariant-culture numbers, yyyy-MM-dd dates. Numbers are formatted into a reused buffer, so writing
/// millions of rows allocates next to nothing. Text fields are checked for commas, quotes and line breaks,
/// which the unquoted format cannot carry.
/// </summary>
internal sealed class CsvOut : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly string[] FractionFormats = ["D0", "D1", "D2", "D3", "D4"];

    private readonly StreamWriter _writer;
    private readonly char[] _buffer = new char[32];
    private bool _inRow;

    public CsvOut(string path, string header)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _writer = new StreamWriter(stream, Utf8NoBom, 1 << 16);
        _writer.Write(header);
        _writer.Write('\n');
    }

    /// <summary>Data rows written so far (the header is not counted).</summary>
    public int Rows { get; private set; }

    public CsvOut Text(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            throw new InvalidOperationException($"Field '{value}' cannot be written unquoted.");
        Separator();
        _writer.Write(value);
        return this;
    }

    public CsvOut Empty()
    {
        Separator();
        return this;
    }

    public CsvOut Integer(long value)
    {
        Separator();
        value.TryFormat(_buffer, out int written, default, CultureInfo.InvariantCulture);
        _writer.Write(_buffer, 0, written);
        return this;
    }

    /// <summary>A CNY amount held in fen: whole yuan without decimals, otherwise two decimals.</summary>
    public CsvOut Cents(long cents)
    {
        Integer(cents / 100);
        long fen = cents % 100;
        if (fen != 0)
        {
            _writer.Write('.');
            _writer.Write((char)('0' + fen / 10));
            _writer.Write((char)('0' + fen % 10));
        }
        return this;
    }

    /// <summary>A share held in 1/10000: "1" for the whole, otherwise "0." and up to four digits without trailing zeros.</summary>
    public CsvOut Share(int basisPoints)
    {
        if (basisPoints is <= 0 or > 10_000) throw new ArgumentOutOfRangeException(nameof(basisPoints), basisPoints, "A share is in (0, 1].");
        Separator();
        if (basisPoints == 10_000)
        {
            _writer.Write('1');
            return this;
        }
        _writer.Write("0.");
        int digits = 4;
        int value = basisPoints;
        while (value % 10 == 0)
        {
            value /= 10;
            digits--;
        }
        value.TryFormat(_buffer, out int written, FractionFormats[digits], CultureInfo.InvariantCulture);
        _writer.Write(_buffer, 0, written);
        return this;
    }

    public CsvOut Date(int dayNumber)
    {
        Separator();
        DateOnly.FromDayNumber(dayNumber).TryFormat(_buffer, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _writer.Write(_buffer, 0, written);
        return this;
    }

    /// <summary>The 18-character resident ID number from its 17 leading digits.</summary>
    public CsvOut ResidentIdNumber(long first17, char check)
    {
        Separator();
        first17.TryFormat(_buffer, out int written, "D17", CultureInfo.InvariantCulture);
        _buffer[written++] = check;
        _writer.Write(_buffer, 0, written);
        return this;
    }

    public void EndRow()
    {
        _writer.Write('\n');
        _inRow = false;
        Rows++;
    }

    public void Dispose() => _writer.Dispose();

    private void Separator()
    {
        if (_inRow) _writer.Write(',');
        else _inRow = true;
    }
}
