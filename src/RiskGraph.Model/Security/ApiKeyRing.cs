namespace RiskGraph.Model.Security;

/// <summary>Why a presented key was not accepted, or that it was.</summary>
public enum KeyCheck
{
    Valid,
    Malformed,
    Unknown,
    Revoked,
    Expired,
}

/// <summary>
/// An immutable set of stored keys, looked up by key id. The API builds a new ring whenever it re-reads the keys
/// from the store and swaps it in, so a revocation reaches every process within one refresh interval.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly Dictionary<string, ApiKey> _byId;

    public ApiKeyRing(IEnumerable<ApiKey> keys)
    {
        _byId = new Dictionary<string, ApiKey>(StringComparer.Ordinal);
        foreach (var key in keys) _byId[key.KeyId] = key;
    }

    public static ApiKeyRing Empty { get; } = new([]);

    public int Count => _byId.Count;

    public KeyCheck Check(ReadOnlySpan<char> presented, DateTimeOffset now, out ApiKey? key)
    {
        key = null;
        if (!ApiKeySecret.TryParse(presented, out string id, out string secret)) return KeyCheck.Malformed;
        if (!_byId.TryGetValue(id, out var stored) || !ApiKeySecret.Matches(secret, stored.SecretHash)) return KeyCheck.Unknown;
        key = stored;
        if (stored.IsRevoked) return KeyCheck.Revoked;
        return stored.IsExpiredAt(now) ? KeyCheck.Expired : KeyCheck.Valid;
    }
}
