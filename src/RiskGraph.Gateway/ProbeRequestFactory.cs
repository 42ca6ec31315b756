using System.Net;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace RiskGraph.Gateway;

/// <summary>Probe requests to the destination's health address (or its address plus the configured path), carrying the probe key.</summary>
public sealed class ProbeRequestFactory(IOptionsMonitor<GatewayOptions> options) : IProbingRequestFactory
{
    public HttpRequestMessage CreateRequest(ClusterModel cluster, DestinationModel destination)
    {
        string root = destination.Config.Health is { Length: > 0 } health ? health : destination.Config.Address;
        string path = cluster.Config.HealthCheck?.Active?.Path ?? "/health";
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(root.TrimEnd('/') + "/"), path.TrimStart('/')))
        {
            Version = cluster.Config.HttpRequest?.Version ?? HttpVersion.Version11,
            VersionPolicy = cluster.Config.HttpRequest?.VersionPolicy ?? HttpVersionPolicy.RequestVersionOrLower,
        };
        if (options.CurrentValue.ProbeApiKey is { Length: > 0 } key) request.Headers.Add("X-Api-Key", key);
        return request;
    }
}
