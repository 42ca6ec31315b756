using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// JSON conversions for the HTTP endpoint. Neo4j 3.1 has no date type, so dates travel and stay as ISO text;
/// floats are written so that the server keeps them as floats and every bit survives the round trip.
/// </summary>
internal static class Neo4jJson
{
    public const string DateFormat = "yyyy-MM-dd";

    // Names and titles are mostly Chinese; escaping each character as \uXXXX would double the request size.
    // The relaxed encoder still escapes quotes and control characters, which is all JSON needs.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes a double in shortest round-trip form, always with a decimal point or exponent: the server reads
    /// a bare "3" as an integer, which would store registered capital 3.0 as the integer 3.
    /// </summary>
    public static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"The value {value.ToString(CultureInfo.InvariantCulture)} cannot be stored in Neo4j: JSON has no NaN or infinity.");
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.AsSpan().IndexOfAny(".Ee") < 0) text += ".0";
        writer.WriteRawValue(text, skipInputValidation: true);
    }

    public static void WriteFloat(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        WriteFloat(writer, value);
    }

    public static void WriteDate(Utf8JsonWriter writer, string name, DateOnly? day)
    {
        if (day is { } value) writer.WriteString(name, value.ToString(DateFormat, CultureInfo.InvariantCulture));
        else writer.WriteNull(name);
    }

    /// <summary>
    /// Instants as round-trip ISO 8601 in UTC, exactly as the embedded store writes them, so they sort as text
    /// and read back to the tick (3.1 has no temporal types).
    /// </summary>
    public static void WriteInstant(Utf8JsonWriter writer, string name, DateTimeOffset at) =>
        writer.WriteString(name, at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Writes a parameter value of the types statements use: text, numbers, booleans, dates, lists and maps.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case double number: WriteFloat(writer, number); break;
            case float number: WriteFloat(writer, number); break;
            case DateOnly day: writer.WriteStringValue(day.ToString(DateFormat, CultureInfo.InvariantCulture)); break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (object? item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A Neo4j parameter cannot be of type {value.GetType().Name}.");
        }
    }

    public static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Unexpected("text", value);

    public static string? NullableText(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : Text(value);

    public static double Float(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Unexpected("a number", value);

    public static double? NullableFloat(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : Float(value);

    public static bool Boolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Unexpected("a boolean", value),
    };

    public static long Integer(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetInt64() : throw Unexpected("an integer", value);

    public static DateOnly Date(JsonElement value) => DateOnly.ParseExact(Text(value), DateFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(JsonElement value) =>
        DateTimeOffset.Parse(Text(value), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateTimeOffset? NullableInstant(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : Instant(value);

    public static DateOnly? NullableDate(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : Date(value);

    private static InvalidDataException Unexpected(string expected, JsonElement value) =>
        new($"Neo4j returned {value.ValueKind} '{value.GetRawText()}' where {expected} was expected.");
}
