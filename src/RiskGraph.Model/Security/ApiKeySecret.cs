using System.Security.Cryptography;
using System.Text;

namespace RiskGraph.Model.Security;

/// <summary>
/// The text form of a key: <c>rgk_{id}_{secret}</c>. The id (12 hex characters) is public and finds the stored
/// row; the secret is 256 random bits (43 base64url characters) and is stored only as its SHA-256. A hash without
/// a salt or a slow KDF is enough here because the secret is random and long, not a password.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "rgk_";
    private const int IdBytes = 6;
    private const int SecretBytes = 32;

    /// <summary>A new key: its text (shown once) with its id and the hash to store.</summary>
    public static (string Text, string KeyId, string SecretHash) Generate()
    {
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        string secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Prefix}{id}_{secret}", id, Hash(secret));
    }

    /// <summary>Splits a presented key into id and secret; false when it does not have the key's shape.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = text[Prefix.Length..];
        int separator = rest.IndexOf('_');
        if (separator != IdBytes * 2 || rest.Length - separator - 1 < 32 || rest.Length > 128) return false;
        keyId = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored hash in time independent of where they differ.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        Span<byte> presented = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), presented);
        Span<byte> stored = stackalloc byte[32];
        if (Convert.FromHexString(storedHash, stored, out _, out int written) != System.Buffers.OperationStatus.Done || written != 32) return false;
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
