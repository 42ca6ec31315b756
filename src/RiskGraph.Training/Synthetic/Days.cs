namespace RiskGraph.Training.Synthetic;

/// <summary>Small helpers on day numbers (<see cref="DateOnly.DayNumber"/>).</summary>
internal static class Days
{
    /// <summary>Adds working days, skipping Saturdays and Sundays (public holidays are ignored).</summary>
    public static int AddWorkingDays(int day, int workingDays)
    {
        while (workingDays > 0)
        {
            day++;
            var weekday = DateOnly.FromDayNumber(day).DayOfWeek;
            if (weekday != DayOfWeek.Saturday && weekday != DayOfWeek.Sunday) workingDays--;
        }
        return day;
    }

    public static int Year(int day) => DateOnly.FromDayNumber(day).Year;
}
