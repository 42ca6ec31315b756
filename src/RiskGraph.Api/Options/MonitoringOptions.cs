using System.ComponentModel.DataAnnotations;

namespace RiskGraph.Api.Options;

/// <summary>The section RiskGraph:Monitoring: watch-list events and their delivery.</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "RiskGraph:Monitoring";

    /// <summary>
    /// Hosts webhooks may target: exact names or addresses (127.0.0.1, hooks.bank.example) or wildcards (*.bank.example).
    /// Empty: no webhook can be registered. Loopback, private and link-local addresses are refused unless listed exactly.
    /// </summary>
    public string[] WebhookAllowedHosts { get; set; } = [];

    /// <summary>Retries of one delivery attempt inside the resilience pipeline (exponential backoff from <see cref="WebhookRetryDelayMilliseconds"/>).</summary>
    [Range(0, 10)]
    public int WebhookRetries { get; set; } = 3;

    [Range(1, 60_000)]
    public int WebhookRetryDelayMilliseconds { get; set; } = 500;

    /// <summary>Attempts (each with its retries) before a delivery is marked failed; between attempts the outbox waits 2^n seconds.</summary>
    [Range(1, 50)]
    public int WebhookMaxAttempts { get; set; } = 8;

    [Range(10, 60_000)]
    public int WebhookPollMilliseconds { get; set; } = 1000;

    [Range(1, 300)]
    public int WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>How often a live stream looks for events written by other processes (its own are pushed at once).</summary>
    [Range(50, 60_000)]
    public int StreamPollMilliseconds { get; set; } = 1000;
}
