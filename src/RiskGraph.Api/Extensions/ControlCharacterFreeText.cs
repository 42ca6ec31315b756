using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskGraph.Api.Extensions;

/// <summary>
/// Every string read from a request body: NUL and other control characters (all below U+0020 except tab, line feed
/// and carriage return, and U+007F) are refused rather than stored. SQLite and many readers cut text at a NUL, so a
/// reason or a name with one would be stored truncated without anyone noticing; the binding failure names the field.
/// </summary>
public sealed class ControlCharacterFreeText : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.GetString();
        if (text is null) return null;
        foreach (char c in text)
        {
            if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\u007f')
                throw new JsonException($"The text contains the control character U+{(int)c:X4}, which is not accepted.");
        }
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
