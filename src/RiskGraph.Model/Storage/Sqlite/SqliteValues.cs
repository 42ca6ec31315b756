using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>Conversions between domain values and SQLite columns; dates are ISO text so they sort and read back unchanged.</summary>
internal static class SqliteValues
{
    public const string DateFormat = "yyyy-MM-dd";

    public static object Date(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static object Date(DateOnly? day) => day is null ? DBNull.Value : Date(day.Value);

    /// <summary>Round-trip ISO 8601, so instants sort as text and read back to the tick.</summary>
    public static object Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadInstant(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static object Text(string? text) => text is null ? DBNull.Value : text;

    public static DateOnly ReadDate(this SqliteDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ReadNullableDate(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.ReadDate(ordinal);

    public static string? ReadNullableText(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
