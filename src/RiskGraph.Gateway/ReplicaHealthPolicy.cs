using System.Text.Json;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace RiskGraph.Gateway;

/// <summary>
/// The active health check policy "RiskGraphReplica": reads each replica's /health and keeps it in rotation only while
/// it answers healthy, its replica check says serving (not starting, not degraded) and its data sequence is within
/// Gateway:MaxSequenceLag of the newest sequence any replica of the cluster serves.
/// </summary>
public sealed class ReplicaHealthPolicy(IDestinationHealthUpdater updater, IOptionsMonitor<GatewayOptions> options, ReplicaTable table, ILogger<ReplicaHealthPolicy> logger)
    : IActiveHealthCheckPolicy
{
    public const string PolicyName = "RiskGraphReplica";
    private const int MaxBodyBytes = 64 * 1024;

    public string Name => PolicyName;

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        var probes = new ReplicaProbe[probingResults.Count];
        long newest = long.MinValue;
        for (int i = 0; i < probingResults.Count; i++)
        {
            probes[i] = Read(probingResults[i]);
            if (probes[i].Sequence is long sequence && sequence > newest) newest = sequence;
        }
        long lag = options.CurrentValue.MaxSequenceLag;
        var states = new NewActiveDestinationHealth[probes.Length];
        for (int i = 0; i < probes.Length; i++)
        {
            var probe = probes[i];
            bool behind = probe.Sequence is long sequence && newest - sequence > lag;
            if (behind) probe = probe with { Reason = $"behind: sequence {probe.Sequence} < {newest} - {lag}" };
            bool healthy = probe.Reason is null;
            states[i] = new NewActiveDestinationHealth(probingResults[i].Destination, healthy ? DestinationHealth.Healthy : DestinationHealth.Unhealthy);
            table.Record(probingResults[i].Destination.DestinationId, probe, healthy);
            if (!healthy && probingResults[i].Destination.Health.Active != DestinationHealth.Unhealthy)
                logger.LogWarning("Replica {Destination} taken out: {Reason}", probingResults[i].Destination.DestinationId, probe.Reason);
        }
        updater.SetActive(cluster, states);
    }

    private static ReplicaProbe Read(DestinationProbingResult result)
    {
        if (result.Exception is not null || result.Response is null) return new ReplicaProbe(null, null, "unreachable");
        if (!result.Response.IsSuccessStatusCode) return new ReplicaProbe(null, null, $"health answered {(int)result.Response.StatusCode}");
        try
        {
            // The prober hands over the response unread and disposes it after this call; a /health body is small.
            using var stream = result.Response.Content.ReadAsStream();
            var buffer = new byte[MaxBodyBytes];
            int length = 0, read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0) length += read;
            using var body = JsonDocument.Parse(buffer.AsMemory(0, length));
            return ReplicaProbe.From(body.RootElement);
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            return new ReplicaProbe(null, null, $"unreadable health: {e.Message}");
        }
    }
}

/// <summary>What one probe found: the replica's data sequence and state when the answer names them, and why it is out (null: in).</summary>
public sealed record ReplicaProbe(long? Sequence, string? State, string? Reason)
{
    public string? ModelVersion { get; init; }

    public static ReplicaProbe From(JsonElement health)
    {
        string status = health.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";
        long? sequence = null;
        string? state = null, model = null;
        if (health.TryGetProperty("checks", out var checks) && checks.TryGetProperty("replica", out var replica)
            && replica.TryGetProperty("data", out var data))
        {
            if (data.TryGetProperty("data_sequence", out var seq) && seq.TryGetInt64(out long value)) sequence = value;
            state = data.TryGetProperty("state", out var st) ? st.GetString() : null;
            model = data.TryGetProperty("model_version", out var mv) ? mv.GetString() : null;
        }
        string? reason = status != "healthy" ? $"status {status}" : state is not null and not "serving" ? state : null;
        return new ReplicaProbe(sequence, state, reason) { ModelVersion = model };
    }
}
