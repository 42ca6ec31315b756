namespace RiskGraph.Model.Security;

/// <summary>
/// One API key as the store keeps it: never the key itself, only its public id and the SHA-256 of its secret.
/// Kept in the graph store (both kinds) so that every API process sees the same keys; revoking writes the row
/// again with <see cref="RevokedAt"/> set, so a key's history stays.
/// </summary>
/// <param name="Name">Unique name of the principal the key belongs to, e.g. "bank-of-x-loans".</param>
/// <param name="KeyId">The public part of the key, by which a presented key is looked up.</param>
/// <param name="SecretHash">Lower-case hex SHA-256 of the secret part.</param>
/// <param name="Department">The organisation the principal acts for.</param>
/// <param name="RegionScope">An administrative-division prefix (e.g. "31" or "310115") the principal is limited to, or null.</param>
/// <param name="ExpiresOn">The last day the key is valid (UTC), or null for no expiry.</param>
public sealed record ApiKey(
    string Name, string KeyId, string SecretHash, ApiRole Role, string Department, string? RegionScope,
    DateTimeOffset CreatedAt, DateOnly? ExpiresOn, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresOn is { } last && DateOnly.FromDateTime(now.UtcDateTime) > last;

    /// <summary>Whether an enterprise registered in <paramref name="regionCode"/> is within this key's scope.</summary>
    public bool Covers(string regionCode) => RegionScope is null || regionCode.StartsWith(RegionScope, StringComparison.Ordinal);
}
