using System.ComponentModel.DataAnnotations;

namespace RiskGraph.Api.Options;

/// <summary>The section RiskGraph:Limits: request sizes, the network route's cost cap and the timeout of expensive routes.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "RiskGraph:Limits";

    /// <summary>Largest request body accepted (bytes); larger ones get 413.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>depth × max_nodes on the network route may not exceed this.</summary>
    [Range(1, 1_000_000)]
    public int NetworkMaxCost { get; set; } = 6_000;

    /// <summary>Expensive routes (network, alerts, controllers, community, search) are cancelled after this many seconds (504).</summary>
    [Range(1, 600)]
    public int ExpensiveTimeoutSeconds { get; set; } = 15;

    /// <summary>Origins allowed to call the API from a browser; empty (the default) means CORS stays closed.</summary>
    public string[] CorsOrigins { get; set; } = [];
}

/// <summary>The section RiskGraph:Audit: how the audit log groups its commits.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "RiskGraph:Audit";

    /// <summary>
    /// How long the first entry of a group waits for others (milliseconds). 0, the default, commits whatever queued
    /// while the previous group was committing: under load groups form by themselves, and an idle service adds no
    /// wait. A timer window costs at least a millisecond on most systems, which would bound 32 callers to ~30,000/s.
    /// </summary>
    [Range(0, 100)]
    public double GroupCommitWindowMs { get; set; }

    [Range(1, 100_000)]
    public int GroupCommitMaxEntries { get; set; } = 512;
}
