using RiskGraph.Model.Storage;


namespace RiskGraph.Model.Security;

/// <summary>A key management request that cannot be carried out; the message says why.</summary>
public sealed class ApiKeyException(string message) : Exception(message);

/// <summary>Creating, listing and revoking keys in a graph store: what the <c>keys</c> CLI verbs and the admin routes call.</summary>
public static class ApiKeyAdministration
{
    public const int MaxNameLength = 100;

    /// <summary>Stores a new key and returns it with its text, which exists nowhere else afterwards.</summary>
    public static async Task<(ApiKey Key, string Text)> CreateAsync(
        IGraphStore store, string name, ApiRole role, string? department, string? regionScope, DateOnly? expiresOn,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
            throw new ApiKeyException($"name must be 1 to {MaxNameLength} printable characters.");
        if (regionScope is { Length: > 0 } && (regionScope.Length > 6 || !regionScope.All(char.IsAsciiDigit)))
            throw new ApiKeyException($"region '{regionScope}' must be an administrative-division prefix of 1 to 6 digits, e.g. 31 or 310115.");
        if (expiresOn is { } last && last < DateOnly.FromDateTime(now.UtcDateTime))
            throw new ApiKeyException($"expires {last:yyyy-MM-dd} is in the past.");
        if (await FindAsync(store, name, cancellationToken) is not null)
            throw new ApiKeyException($"a key named '{name}' exists already (revoked names are kept for the record); choose another name.");

        var (text, id, hash) = ApiKeySecret.Generate();
        var key = new ApiKey(name, id, hash, role, string.IsNullOrWhiteSpace(department) ? name : department.Trim(),
            string.IsNullOrEmpty(regionScope) ? null : regionScope, now, expiresOn, null);
        await store.UpsertAsync<ApiKey>([key], cancellationToken: cancellationToken);
        return (key, text);
    }

    public static async Task<IReadOnlyList<ApiKey>> ListAsync(IGraphStore store, CancellationToken cancellationToken = default)
    {
        var keys = new List<ApiKey>();
        await foreach (var key in store.ReadAllAsync<ApiKey>(cancellationToken)) keys.Add(key);
        return keys;
    }

    /// <summary>Marks the named key revoked; revoking a revoked key changes nothing.</summary>
    public static async Task<ApiKey> RevokeAsync(IGraphStore store, string name, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var key = await FindAsync(store, name.Trim(), cancellationToken) ?? throw new ApiKeyException($"no key is named '{(name.Length > 40 ? name[..40] + "…" : name)}'.");
        if (key.IsRevoked) return key;
        var revoked = key with { RevokedAt = now };
        await store.UpsertAsync<ApiKey>([revoked], cancellationToken: cancellationToken);
        return revoked;
    }

    private static async Task<ApiKey?> FindAsync(IGraphStore store, string name, CancellationToken cancellationToken)
    {
        await foreach (var key in store.ReadAllAsync<ApiKey>(cancellationToken))
        {
            if (key.Name == name) return key;
        }
        return null;
    }
}
