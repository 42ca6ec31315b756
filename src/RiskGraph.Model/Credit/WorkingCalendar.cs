using System.Reflection;
using System.Text.Json;

namespace RiskGraph.Model.Credit;

/// <summary>
/// Working days in China: Monday to Friday, minus the official public holidays, plus the weekend days worked in
/// their place (调休). Each year is one data file (data/calendar/&lt;year&gt;.json, from the State Council's notice),
/// embedded in this assembly. Years without a file fall back to Monday to Friday, which <see cref="Covers"/> tells.
/// </summary>
public sealed class WorkingCalendar
{
    // Declared before China: static fields initialise in textual order, and China's loader needs these options.
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _workedWeekendDays = [];
    private readonly HashSet<int> _years = [];

    private WorkingCalendar()
    {
    }

    /// <summary>The calendar files committed with this build.</summary>
    public static WorkingCalendar China { get; } = LoadEmbedded();

    public IReadOnlyCollection<int> Years => _years;

    public bool Covers(int year) => _years.Contains(year);

    /// <summary>A calendar from files like data/calendar/2025.json (for a deployment that keeps its own folder).</summary>
    public static WorkingCalendar FromFiles(IEnumerable<string> paths)
    {
        var calendar = new WorkingCalendar();
        foreach (var path in paths) calendar.Add(File.ReadAllText(path), path);
        return calendar;
    }

    public bool IsWorkingDay(DateOnly day)
    {
        if (_holidays.Contains(day)) return false;
        if (_workedWeekendDays.Contains(day)) return true;
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        int days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) days++;
        }
        return days;
    }

    private static WorkingCalendar LoadEmbedded()
    {
        var calendar = new WorkingCalendar();
        var assembly = Assembly.GetExecutingAssembly();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("calendar/", StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            calendar.Add(reader.ReadToEnd(), name);
        }
        return calendar;
    }

    private void Add(string json, string source)
    {
        var file = JsonSerializer.Deserialize<CalendarFile>(json, JsonOptions)
                   ?? throw new InvalidDataException($"{source} is not a calendar file.");
        foreach (var day in file.Holidays) Check(day, file.Year, source, _holidays);
        foreach (var day in file.AdjustedWorkingDays)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new InvalidDataException($"{source}: adjusted working day {day:yyyy-MM-dd} is not a weekend day.");
            Check(day, file.Year, source, _workedWeekendDays);
        }
        _years.Add(file.Year);
    }

    private static void Check(DateOnly day, int year, string source, HashSet<DateOnly> into)
    {
        if (day.Year != year) throw new InvalidDataException($"{source}: {day:yyyy-MM-dd} is not in {year}.");
        into.Add(day);
    }

    private sealed record CalendarFile(int Year, string Source, DateOnly[] Holidays, DateOnly[] AdjustedWorkingDays);
}
