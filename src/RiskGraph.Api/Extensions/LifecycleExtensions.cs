using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace RiskGraph.Api.Extensions;

public static class LifecycleExtensions
{
    /// <summary>How long a stop (SIGTERM, Ctrl+C) waits for requests in flight: RiskGraph:ShutdownDrainSeconds (default 30).</summary>
    public static IServiceCollection AddRiskGraphLifecycle(this IServiceCollection services, IConfiguration configuration)
    {
        int seconds = configuration.GetValue("RiskGraph:ShutdownDrainSeconds", 30);
        if (seconds is < 1 or > 3600)
            throw new OptionsValidationException("RiskGraph:ShutdownDrainSeconds", typeof(HostOptions), [$"RiskGraph:ShutdownDrainSeconds is {seconds}; expected 1 to 3600."]);
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(seconds));
        // The host logs a failed start with the exception's stack; Program.cs logs it as one line instead.
        services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical));
        return services;
    }

    /// <summary>Failures an operator fixes by configuration or the file system, as opposed to bugs.</summary>
    public static bool IsStartupFailure(Exception e) => e is OptionsValidationException or SqliteException or IOException
        or UnauthorizedAccessException or InvalidOperationException { InnerException: OptionsValidationException or SqliteException or IOException };

    public static string Describe(Exception e) => e switch
    {
        OptionsValidationException options => string.Join("; ", options.Failures),
        { InnerException: { } inner } when e is not OptionsValidationException => $"{e.Message} ({inner.Message})",
        _ => e.Message,
    };
}
