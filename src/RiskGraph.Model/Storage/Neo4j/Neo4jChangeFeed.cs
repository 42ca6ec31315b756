using System.Globalization;
using System.Text.Json;
using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// Neo4j's change feed: one :ChangeCounter node whose seq is incremented, and one :Change node per write, in the
/// write's own transaction. Incrementing the counter write-locks it, so concurrent writers (any process) commit their
/// sequences in order and none is given twice.
/// </summary>
internal static class Neo4jChangeFeed
{
    public static Neo4jStatement Append(string recordType, int rows, string[]? keys) => new("""
        MERGE (c:ChangeCounter {name: 'feed'})
        ON CREATE SET c.seq = 0
        SET c.seq = c.seq + 1
        CREATE (x:Change {seq: c.seq, at: $at, record_type: $type, rows: $rows, keys: $keys})
        RETURN c.seq
        """,
        new Dictionary<string, object?>
        {
            ["at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["type"] = recordType,
            ["rows"] = rows,
            ["keys"] = StoreChange.Join(keys),
        });

    public static Neo4jStatement Latest => new("MATCH (c:ChangeCounter {name: 'feed'}) RETURN c.seq");

    public static Neo4jStatement Read(long since, int limit) => new(
        "MATCH (x:Change) WHERE x.seq > $since RETURN x.seq, x.at, x.record_type, x.rows, x.keys ORDER BY x.seq LIMIT $limit",
        new Dictionary<string, object?> { ["since"] = since, ["limit"] = limit });

    public static StoreChange ReadRow(JsonElement row) =>
        new(Integer(row[0]), Instant(row[1]), Text(row[2]), (int)Integer(row[3]), StoreChange.Split(NullableText(row[4])));
}
