using System.Text.Json;
using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// The Cypher that lists a node's relations for <see cref="NetworkCollector"/>, one branch per relation type and
/// direction, returning exactly the columns of the embedded store's SqliteNetworkQueries so that both stores
/// hand the collector the same adjacency.
/// </summary>
internal static class Neo4jNetworkQueries
{
    // Each row: neighbour id, kind, label, industry, region, relation type, whether the neighbour is the
    // relation's source, share, amount, title.
    private const string EnterpriseRelations = """
        MATCH (n:Person)-[:LEGAL_REPRESENTATIVE_OF]->(:Enterprise {uscc: $id})
        RETURN n.person_key AS id, 'person' AS kind, n.display_name AS label, null AS industry, null AS region,
               'LEGAL_REPRESENTATIVE_OF' AS type, true AS source, null AS share, null AS amount, null AS title
        UNION ALL
        MATCH (n:Person)-[x:EXECUTIVE_OF]->(:Enterprise {uscc: $id})
        RETURN n.person_key AS id, 'person' AS kind, n.display_name AS label, null AS industry, null AS region,
               'EXECUTIVE_OF' AS type, true AS source, null AS share, null AS amount, x.title AS title
        UNION ALL
        MATCH (n)-[x:SHAREHOLDER_OF]->(:Enterprise {uscc: $id})
        RETURN coalesce(n.person_key, n.uscc) AS id, CASE WHEN n:Person THEN 'person' ELSE 'enterprise' END AS kind,
               coalesce(n.display_name, n.name) AS label, n.industry AS industry, n.region AS region,
               'SHAREHOLDER_OF' AS type, true AS source, x.share AS share, null AS amount, null AS title
        UNION ALL
        MATCH (:Enterprise {uscc: $id})-[x:SHAREHOLDER_OF]->(n:Enterprise)
        RETURN n.uscc AS id, 'enterprise' AS kind, n.name AS label, n.industry AS industry, n.region AS region,
               'SHAREHOLDER_OF' AS type, false AS source, x.share AS share, null AS amount, null AS title
        UNION ALL
        MATCH (n:Enterprise)-[x:SUPPLIES_TO]->(:Enterprise {uscc: $id})
        RETURN n.uscc AS id, 'enterprise' AS kind, n.name AS label, n.industry AS industry, n.region AS region,
               'SUPPLIES_TO' AS type, true AS source, null AS share, x.annual_amount AS amount, null AS title
        UNION ALL
        MATCH (:Enterprise {uscc: $id})-[x:SUPPLIES_TO]->(n:Enterprise)
        RETURN n.uscc AS id, 'enterprise' AS kind, n.name AS label, n.industry AS industry, n.region AS region,
               'SUPPLIES_TO' AS type, false AS source, null AS share, x.annual_amount AS amount, null AS title
        UNION ALL
        MATCH (n:Enterprise)-[x:GUARANTEES]->(:Enterprise {uscc: $id})
        RETURN n.uscc AS id, 'enterprise' AS kind, n.name AS label, n.industry AS industry, n.region AS region,
               'GUARANTEES' AS type, true AS source, null AS share, x.amount AS amount, null AS title
        UNION ALL
        MATCH (:Enterprise {uscc: $id})-[x:GUARANTEES]->(n:Enterprise)
        RETURN n.uscc AS id, 'enterprise' AS kind, n.name AS label, n.industry AS industry, n.region AS region,
               'GUARANTEES' AS type, false AS source, null AS share, x.amount AS amount, null AS title
        """;

    private const string PersonRelations = """
        MATCH (:Person {person_key: $id})-[:LEGAL_REPRESENTATIVE_OF]->(n:Enterprise)
        RETURN n.uscc AS id, 'enterprise' AS kind, n.name AS label, n.industry AS industry, n.region AS region,
               'LEGAL_REPRESENTATIVE_OF' AS type, false AS source, null AS share, null AS amount, null AS title
        UNION ALL
        MATCH (:Person {person_key: $id})-[x:EXECUTIVE_OF]->(n:Enterprise)
        RETURN n.uscc AS id, 'enterprise' AS kind, n.name AS label, n.industry AS industry, n.region AS region,
               'EXECUTIVE_OF' AS type, false AS source, null AS share, null AS amount, x.title AS title
        UNION ALL
        MATCH (:Person {person_key: $id})-[x:SHAREHOLDER_OF]->(n:Enterprise)
        RETURN n.uscc AS id, 'enterprise' AS kind, n.name AS label, n.industry AS industry, n.region AS region,
               'SHAREHOLDER_OF' AS type, false AS source, x.share AS share, null AS amount, null AS title
        """;

    public static async Task<IReadOnlyList<AdjacentNode>> ExpandAsync(
        Neo4jHttpClient client, NetworkNode node, CancellationToken cancellationToken)
    {
        var statement = new Neo4jStatement(
            node.Kind == "person" ? PersonRelations : EnterpriseRelations, new Dictionary<string, object?> { ["id"] = node.Id });
        var result = await client.RunAsync(statement, cancellationToken);
        var adjacent = new List<AdjacentNode>(result.Rows.Count);
        foreach (JsonElement row in result.Rows)
        {
            string id = Text(row[0]);
            var neighbour = new NetworkNode(id, Text(row[1]), NullableText(row[2]) ?? id, NullableText(row[3]), NullableText(row[4]), 0);
            bool neighbourIsSource = Boolean(row[6]);
            var edge = new NetworkEdge(
                neighbourIsSource ? neighbour.Id : node.Id,
                neighbourIsSource ? node.Id : neighbour.Id,
                Text(row[5]),
                NullableFloat(row[7]),
                NullableFloat(row[8]),
                NullableText(row[9]));
            adjacent.Add(new AdjacentNode(neighbour, edge));
        }
        return adjacent;
    }
}
