using System.Text;

namespace RiskGraph.Model.Import;

/// <summary>The strict decoders of the import: invalid bytes throw instead of turning into U+FFFD.</summary>
internal static class TextEncodings
{
    private const int Gb18030CodePage = 54936;

    public static Encoding StrictGb18030 { get; } = CreateStrictGb18030();

    /// <summary>
    /// Whether bytes that are not UTF-8 are valid GB18030 with at least one multi-byte character: GBK exports of
    /// Chinese names always are, whereas Latin-1 or random bytes rarely pair up into valid GB18030 sequences.
    /// </summary>
    public static bool DecodesAsGb18030(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.ContainsAnyInRange((byte)0x80, (byte)0xFF)) return false;
        try
        {
            StrictGb18030.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding CreateStrictGb18030()
    {
        // .NET ships the code-page encodings but only makes them reachable once their provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
