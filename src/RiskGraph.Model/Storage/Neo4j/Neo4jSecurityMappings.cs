using RiskGraph.Model.Security;
using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>API keys as :ApiKey nodes keyed by name; like the embedded store, they hold only the secret's hash.</summary>
internal static class Neo4jSecurityMappings
{
    public static readonly Neo4jMapping<ApiKey> ApiKey = new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (x:ApiKey {name: r.name})
            SET {{Neo4jCypherText.Sets("x", "key_id", "secret_hash", "role", "department", "region_scope", "created_at", "expires_on", "revoked_at")}}
            RETURN count(*), 0
            """,
        WriteRow = (w, k) =>
        {
            w.WriteString("name", k.Name);
            w.WriteString("key_id", k.KeyId);
            w.WriteString("secret_hash", k.SecretHash);
            w.WriteString("role", k.Role.Name());
            w.WriteString("department", k.Department);
            w.WriteString("region_scope", k.RegionScope);
            WriteInstant(w, "created_at", k.CreatedAt);
            WriteDate(w, "expires_on", k.ExpiresOn);
            if (k.RevokedAt is { } at) WriteInstant(w, "revoked_at", at);
            else w.WriteNull("revoked_at");
        },
        Match = "MATCH (x:ApiKey)",
        Columns = ["x.name", "x.key_id", "x.secret_hash", "x.role", "x.department", "x.region_scope", "x.created_at", "x.expires_on", "x.revoked_at"],
        Keys = ["x.name"],
        ReadRow = r => new ApiKey(Text(r[0]), Text(r[1]), Text(r[2]),
            ApiRoles.TryParse(Text(r[3]), out var role) ? role : throw new InvalidDataException($"The Neo4j store holds an unknown role '{Text(r[3])}'."),
            Text(r[4]), NullableText(r[5]), Instant(r[6]), NullableDate(r[7]), NullableInstant(r[8])),
        KeyOf = k => [k.Name],
        Count = "MATCH (x:ApiKey) RETURN count(x)",
    };

    public static readonly Neo4jMapping<IdempotentAnswer> IdempotentAnswer = new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (x:IdempotentAnswer {id: r.id})
            SET {{Neo4jCypherText.Sets("x", "method", "path", "status", "body", "at")}}
            RETURN count(*), 0
            """,
        WriteRow = (w, a) =>
        {
            w.WriteString("id", a.Id);
            w.WriteString("method", a.Method);
            w.WriteString("path", a.Path);
            w.WriteNumber("status", a.Status);
            w.WriteString("body", a.Body);
            WriteInstant(w, "at", a.At);
        },
        Match = "MATCH (x:IdempotentAnswer)",
        Columns = ["x.id", "x.method", "x.path", "x.status", "x.body", "x.at"],
        Keys = ["x.id"],
        ReadRow = r => new IdempotentAnswer(Text(r[0]), Text(r[1]), Text(r[2]), (int)Integer(r[3]), Text(r[4]), Instant(r[5])),
        KeyOf = a => [a.Id],
        Count = "MATCH (x:IdempotentAnswer) RETURN count(x)",
    };
}
