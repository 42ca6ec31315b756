using RiskGraph.Api.Services;
using RiskGraph.Model;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Supervision;

namespace RiskGraph.Api.Extensions;

public static class CreditExtensions
{
    /// <summary>
    /// The credit clock, with publication periods in years per penalty kind from RiskGraph:PublicationPeriods
    /// (e.g. <c>"RiskGraph:PublicationPeriods:warning": 1</c>); kinds not named keep the three-year default. A bad
    /// kind or period fails start-up rather than silently publishing for the wrong time.
    /// </summary>
    public static IServiceCollection AddRiskGraphCredit(this IServiceCollection services, IConfiguration configuration)
    {
        var years = configuration.GetSection("RiskGraph:PublicationPeriods").GetChildren()
            .Select(c => new KeyValuePair<string, int>(c.Key, int.TryParse(c.Value, out int y) ? y : throw new InvalidOperationException(
                $"RiskGraph:PublicationPeriods:{c.Key} must be a whole number of years, not '{c.Value}'.")))
            .ToList();
        var periods = PublicationPeriods.FromNames(years);
        services.AddSingleton(sp => new CreditClock(sp.GetRequiredService<TimeProvider>(), periods));
        return services;
    }

    /// <summary>The spot-check plan log and the person-key hasher (the home's secret, as the importer uses it).</summary>
    public static IServiceCollection AddRiskGraphInspections(this IServiceCollection services) => services
        .AddSingleton(sp => new SqliteInspectionPlanLog(Path.Combine(sp.GetRequiredService<RiskGraphHome>().EnsureExists().Root, "inspection-plans.db")))
        .AddSingleton(sp => PersonKeyHasher.ForHome(sp.GetRequiredService<RiskGraphHome>()));
}
