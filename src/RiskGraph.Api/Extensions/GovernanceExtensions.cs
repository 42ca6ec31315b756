using RiskGraph.Api.Services;
using RiskGraph.Model;
using RiskGraph.Model.Audit;

namespace RiskGraph.Api.Extensions;

public static class GovernanceExtensions
{
    /// <summary>The audit log in the home folder, the clock that stamps it, and the admin-key check.</summary>
    public static IServiceCollection AddRiskGraphGovernance(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteAuditLog(sp.GetRequiredService<RiskGraphHome>().EnsureExists().AuditPath));
        services.AddSingleton<AuditFilter>();
        services.AddSingleton<AdminKeyFilter>();
        return services;
    }
}
