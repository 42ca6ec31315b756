namespace RiskGraph.Api.Options;

/// <summary>The section RiskGraph:Telemetry: where traces and metrics go, and who may scrape /metrics without a key.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "RiskGraph:Telemetry";

    /// <summary>An OTLP endpoint (e.g. http://collector:4317); OTEL_EXPORTER_OTLP_ENDPOINT is used when this is empty.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) whose scrapers may read /metrics without a key; admin keys may always.</summary>
    public string[] MetricsAllowedNetworks { get; set; } = [];
}
