using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RiskGraph.Api.Monitoring;

/// <summary>
/// The signature of a webhook delivery, in the header <see cref="Header"/>: <c>t=UNIX_SECONDS,v1=HEX</c>, where HEX is
/// the lower-case HMAC-SHA256, keyed with the webhook's secret (its UTF-8 bytes, the whole "whsec_…" text), of the
/// timestamp, a full stop and the raw request body. A receiver recomputes it over the bytes it received, compares in
/// constant time and refuses timestamps older than a few minutes (replays).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-RiskGraph-Signature";
    public const string EventHeader = "X-RiskGraph-Event-Id";

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sign(string secret, long timestamp, string body)
    {
        byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }
}
