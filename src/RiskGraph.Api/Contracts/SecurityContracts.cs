namespace RiskGraph.Api.Contracts;

/// <summary>One registered query or write, as administrators read the audit log.</summary>
public sealed record AuditEntryResponse(
    long Id, DateTimeOffset At, string Actor, string Department, string Role, string Purpose, string Action, string Method,
    string Path, string Subject, int Status, string Returned, string? Before, string? After, string PrevHash, string Hash);

public sealed record AuditPageResponse(int Page, int PageSize, long Total, IReadOnlyList<AuditEntryResponse> Items);

/// <summary>A key as administrators see it: never the key itself.</summary>
public sealed record ApiKeyResponse(
    string Name, string Role, string Department, string? Region, DateTimeOffset CreatedAt, DateOnly? ExpiresOn, DateTimeOffset? RevokedAt, string State);

/// <param name="Expires">Last valid day, yyyy-MM-dd (UTC), or null.</param>
public sealed record CreateApiKeyRequest(string? Name, string? Role, string? Department, string? Region, string? Expires);

/// <summary>The new key: the key itself is shown this once and stored only as a hash.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse Details, string Key);
