using System.ComponentModel.DataAnnotations;

namespace RiskGraph.Gateway;

/// <summary>The section Gateway: how replicas are probed and how failed reads are retried.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// An API key sent with each probe, so /health answers its checks (data sequence, state); without one the gateway
    /// sees only the overall status and cannot judge how far behind a replica is.
    /// </summary>
    public string? ProbeApiKey { get; set; }

    /// <summary>A replica whose data sequence is behind the newest among the replicas by more than this is taken out.</summary>
    [Range(0, long.MaxValue)]
    public long MaxSequenceLag { get; set; } = 5;

    /// <summary>Tries of one idempotent request (GET, HEAD), each on a replica not tried yet.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;
}
