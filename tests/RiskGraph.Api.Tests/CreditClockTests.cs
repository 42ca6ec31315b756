using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;

namespace RiskGraph.Api.Tests;

public class CreditClockTests
{
    [Fact]
    public void TodayIsTheDateInChina_NotInUtc()
    {
        // 17:00 UTC on 31 December is already 1 January in China (UTC+8).
        var clock = new CreditClock(new At(new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero)), PublicationPeriods.Default);
        Assert.Equal(new DateOnly(2026, 1, 1), clock.Today);
        Assert.Equal(new DateOnly(2025, 12, 31), new CreditClock(new At(new DateTimeOffset(2025, 12, 31, 15, 59, 0, TimeSpan.Zero)), PublicationPeriods.Default).Today);
    }

    /// <summary>A clock standing at one instant.</summary>
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void PublicationPeriodsComeFromConfiguration_AndABadOneFailsStartUp()
    {
        var good = new ConfigurationBuilder().AddInMemoryCollection([new("RiskGraph:PublicationPeriods:warning", "1")]).Build();
        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        RiskGraph.Api.Extensions.CreditExtensions.AddRiskGraphCredit(services, good);
        Assert.Equal(1, services.BuildServiceProvider().GetRequiredService<CreditClock>().Periods.YearsFor(RiskGraph.Model.Domain.PenaltyKind.Warning));

        var bad = new ConfigurationBuilder().AddInMemoryCollection([new("RiskGraph:PublicationPeriods:fines", "1")]).Build();
        Assert.Throws<ArgumentException>(() => RiskGraph.Api.Extensions.CreditExtensions.AddRiskGraphCredit(new ServiceCollection(), bad));
    }
}
