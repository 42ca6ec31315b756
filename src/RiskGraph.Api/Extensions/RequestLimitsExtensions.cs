using Microsoft.AspNetCore.Server.Kestrel.Core;
using RiskGraph.Api.Options;

namespace RiskGraph.Api.Extensions;

public static class RequestLimitsExtensions
{
    /// <summary>The name of the timeout policy of routes that walk large parts of the graph.</summary>
    public const string ExpensiveTimeout = "expensive";

    /// <summary>Body size (413 beyond it), the timeout of expensive routes (504) and CORS, closed unless origins are configured.</summary>
    public static IServiceCollection AddRiskGraphRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.CorsOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out _)), "RiskGraph:Limits:CorsOrigins must be absolute origins.")
            .ValidateOnStart();
        var limits = configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>() ?? new LimitsOptions();
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        services.AddRequestTimeouts(o => o.AddPolicy(ExpensiveTimeout, TimeSpan.FromSeconds(limits.ExpensiveTimeoutSeconds)));
        services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            if (limits.CorsOrigins.Length > 0) policy.WithOrigins(limits.CorsOrigins).AllowAnyHeader().WithMethods("GET", "POST", "DELETE");
        }));
        return services;
    }
}
