using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using RiskGraph.Api.Options;

namespace RiskGraph.Api.Monitoring;

/// <summary>
/// Which URLs webhooks may reach (OWASP API7, server-side request forgery). A URL is accepted only over http(s), without
/// credentials, to a host on the configured allow-list. Loopback, private, link-local and other internal addresses are
/// refused unless the host is listed exactly (a wildcard does not admit them), both when the webhook is registered and
/// at every connection, since a name can resolve elsewhere later (DNS rebinding). Redirects are not followed.
/// </summary>
public sealed class WebhookTargetPolicy(IOptions<MonitoringOptions> options)
{
    private string[] Allowed => options.Value.WebhookAllowedHosts;

    /// <summary>Null when <paramref name="url"/> may be registered, else why not.</summary>
    public async Task<string?> RefusalAsync(string? url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "url must be an absolute http or https URL.";
        if (uri.UserInfo.Length > 0) return "url must not carry credentials.";
        var match = Match(uri.IdnHost);
        if (match == HostMatch.None) return $"the host {uri.IdnHost} is not on the webhook allow-list (RiskGraph:Monitoring:WebhookAllowedHosts).";
        if (match == HostMatch.Exact) return null;
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"the host {uri.IdnHost} does not resolve.";
        }
        foreach (var address in addresses)
            if (IsInternal(address)) return $"the host {uri.IdnHost} resolves to an internal address ({address}), which only an exact allow-list entry admits.";
        return null;
    }

    /// <summary>The connection step of the webhook client: resolves, checks every address again, then connects.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        string host = context.DnsEndPoint.Host;
        var match = Match(host);
        if (match == HostMatch.None) throw new HttpRequestException($"The host {host} is not on the webhook allow-list.");
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            foreach (var address in addresses)
            {
                if (match != HostMatch.Exact && IsInternal(address)) continue;
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        socket.Dispose();
        throw new HttpRequestException($"The host {host} resolves only to internal addresses, which only an exact allow-list entry admits.");
    }

    private enum HostMatch { None, Wildcard, Exact }

    private HostMatch Match(string host)
    {
        var found = HostMatch.None;
        foreach (string entry in Allowed)
        {
            if (string.Equals(entry, host, StringComparison.OrdinalIgnoreCase)) return HostMatch.Exact;
            if (entry.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(entry[1..], StringComparison.OrdinalIgnoreCase)) found = HostMatch.Wildcard;
        }
        return found;
    }

    /// <summary>Loopback, private (RFC 1918, unique-local), link-local, carrier-grade NAT, unspecified and multicast addresses.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        byte[] b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224;
    }
}
