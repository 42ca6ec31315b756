using System.Globalization;
using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Import;

/// <summary>One data row; each getter parses a field or throws an <see cref="ImportException"/> naming it.</summary>
internal readonly struct CsvRow(IRowSource table, int line, string[] fields)
{
    public int Line => line;

    public string Text(string column)
    {
        string value = fields[table.IndexOf(column)].Trim();
        return value.Length > 0 ? value : throw table.Error(line, column, "is empty");
    }

    public string? OptionalText(string column)
    {
        if (!table.Has(column)) return null;
        string value = fields[table.IndexOf(column)].Trim();
        return value.Length > 0 ? value : null;
    }

    public string Uscc(string column)
    {
        string value = Text(column);
        string? problem = Domain.Uscc.Validate(value);
        return problem is null ? value : throw table.Error(line, column, $"'{Cut(value)}' is not a valid USCC: {problem}");
    }

    public double Number(string column, double min = double.MinValue, double max = double.MaxValue, bool minExclusive = false)
    {
        string value = Text(column);
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            throw table.Error(line, column, $"'{Cut(value)}' is not a number");
        if (!double.IsFinite(number)) throw table.Error(line, column, $"'{Cut(value)}' is not a finite number");
        bool belowMin = minExclusive ? number <= min : number < min;
        if (belowMin || number > max)
            throw table.Error(line, column, $"{Cut(value)} is outside {(minExclusive ? "(" : "[")}{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return number;
    }

    public DateOnly Date(string column) => ParseDate(column, Text(column));

    public DateOnly? OptionalDate(string column)
    {
        string? value = OptionalText(column);
        return value is null ? null : ParseDate(column, value);
    }

    /// <summary>The date of something that has happened (a founding, a decision): a day in the future is a typo.</summary>
    public DateOnly EventDate(string column) => NotInFuture(column, Date(column));

    public DateOnly? OptionalEventDate(string column) => OptionalDate(column) is { } day ? NotInFuture(column, day) : null;

    public T Enum<T>(string column, TryParser<T> tryParse, IReadOnlyList<string> allowed)
    {
        string value = Text(column);
        return tryParse(value, out T result)
            ? result
            : throw table.Error(line, column, $"'{Cut(value)}' is not one of {string.Join(", ", allowed)}");
    }

    public ImportException Error(string column, string reason) => table.Error(line, column, reason);

    /// <summary>Values echoed in errors are cut, so a 1,000-character field does not make a 1,000-character message.</summary>
    internal static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private DateOnly NotInFuture(string column, DateOnly day) =>
        day <= table.LatestEventDay
            ? day
            : throw table.Error(line, column, $"{day:yyyy-MM-dd} is in the future (after {table.LatestEventDay:yyyy-MM-dd})");

    private DateOnly ParseDate(string column, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw table.Error(line, column, $"'{Cut(value)}' is not a date (yyyy-MM-dd)");
}

internal delegate bool TryParser<T>(string text, out T value);
