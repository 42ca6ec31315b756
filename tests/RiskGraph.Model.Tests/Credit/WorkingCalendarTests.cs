using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Tests.Credit;

/// <summary>Seed 004: 「“双公示”信息自作出行政决定之日起 7 个工作日内上网公开」, counted on China's working-day calendar.</summary>
public class WorkingCalendarTests
{
    private static readonly WorkingCalendar China = WorkingCalendar.China;

    [Fact]
    public void TheCommittedYearsAreLoaded() => Assert.All(new[] { 2024, 2025, 2026 }, year => Assert.True(China.Covers(year)));

    [Theory]
    [InlineData("2025-10-01", false)] // National Day
    [InlineData("2025-10-08", false)] // Mid-Autumn joined to National Day in 2025
    [InlineData("2025-10-11", true)]  // a Saturday worked in exchange
    [InlineData("2026-02-14", true)]  // the Saturday before the 2026 Spring Festival
    [InlineData("2026-02-23", false)] // a Monday inside the Spring Festival
    [InlineData("2024-05-11", true)]
    [InlineData("2024-06-10", false)] // Dragon Boat Festival
    [InlineData("2027-01-01", true)]  // no file for 2027: Monday to Friday
    public void WorkingDays(string day, bool working) => Assert.Equal(working, China.IsWorkingDay(DateOnly.Parse(day)));

    [Fact]
    public void APenaltyDecidedBeforeTheNationalDayHolidayIsOnTimeTenCalendarDaysLater()
    {
        // Decided on Tuesday 30 September 2025, published Friday 10 October: only 9 and 10 October were working days.
        var decided = new DateOnly(2025, 9, 30);
        Assert.Equal(2, China.WorkingDaysBetween(decided, new DateOnly(2025, 10, 10)));
        var penalty = new Penalty("P1", "E", PenaltyKind.Fine, 100, decided, new DateOnly(2025, 10, 10), "市场监管局", "行政处罚-罚款");
        var late = penalty with { RecordId = "P2", PublicationDate = new DateOnly(2025, 10, 21) };
        var quality = Assert.Single(DataQualityReport.Build([penalty, late], [], []));
        Assert.Equal(0.5, quality.PublishedOnTime);
        Assert.Equal(1, quality.LatePenalties);
    }
}
