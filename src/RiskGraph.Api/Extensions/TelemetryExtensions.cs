using System.Net;
using Microsoft.AspNetCore.Authorization;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RiskGraph.Api.Options;
using RiskGraph.Api.Security;
using RiskGraph.Api.Services;
using RiskGraph.Model.Diagnostics;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Extensions;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry metrics and traces: ASP.NET Core, HttpClient (the Neo4j store's calls) and runtime instrumentation
    /// plus the RiskGraph meter; exported to OTLP when an endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT, the
    /// standard variable, or RiskGraph:Telemetry:OtlpEndpoint) and always to the Prometheus scrape endpoint /metrics.
    /// </summary>
    public static IServiceCollection AddRiskGraphTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName))
            .Validate(o => o.MetricsAllowedNetworks.All(n => IPNetwork.TryParse(n, out _)),
                "RiskGraph:Telemetry:MetricsAllowedNetworks holds an entry that is not a network such as 10.0.0.0/8 or 127.0.0.1/32.")
            .ValidateOnStart();
        services.AddSingleton<ApiMetrics>();
        string? otlp = configuration[$"{TelemetryOptions.SectionName}:OtlpEndpoint"] is { Length: > 0 } configured ? configured
            : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("riskgraph-api"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(RiskGraphMetrics.MeterName).AddPrometheusExporter();
                if (otlp is { Length: > 0 }) metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        // Traces only when there is somewhere to send them: without an exporter every request would still create and
        // fill an Activity that nobody reads.
        if (otlp is { Length: > 0 })
            services.AddOpenTelemetry().WithTracing(tracing =>
                tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        // /metrics: administrators, or a scraper from an allowed network without a key (Prometheus rarely sends one).
        services.AddAuthorization(options => options.AddPolicy(RiskGraphPolicies.Metrics, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(ApiRoles.Admin) || (context.Resource is HttpContext http && FromAllowedNetwork(http)))));
        return services;
    }

    /// <summary>The Prometheus text format at /metrics, under the metrics policy.</summary>
    public static IEndpointRouteBuilder MapRiskGraphMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(RiskGraphPolicies.Metrics);
        return app;
    }

    private static bool FromAllowedNetwork(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var allowed = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.MetricsAllowedNetworks;
        foreach (string network in allowed)
        {
            if (IPNetwork.TryParse(network, out var parsed) && parsed.Contains(address)) return true;
        }
        return false;
    }
}
