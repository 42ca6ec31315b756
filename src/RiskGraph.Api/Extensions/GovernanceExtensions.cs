using Microsoft.Extensions.Options;
using RiskGraph.Api.Options;
using RiskGraph.Api.Services;
using RiskGraph.Model;
using RiskGraph.Model.Audit;

namespace RiskGraph.Api.Extensions;

public static class GovernanceExtensions
{
    /// <summary>
    /// The audit log in the home folder with its one group-committing writer (disposed with the host, which drains
    /// the queue: a normal stop loses no entry), the clock that stamps it and the filter that registers requests.
    /// </summary>
    public static IServiceCollection AddRiskGraphGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteAuditLog(sp.GetRequiredService<RiskGraphHome>().EnsureExists().AuditPath));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AuditOptions>>().Value;
            return new AuditWriter(sp.GetRequiredService<SqliteAuditLog>(), TimeSpan.FromMilliseconds(options.GroupCommitWindowMs),
                options.GroupCommitMaxEntries);
        });
        services.AddSingleton<AuditRecorder>();
        services.AddSingleton<AuditFilter>();
        services.AddExceptionHandler<AuditUnavailableHandler>();
        return services;
    }
}
