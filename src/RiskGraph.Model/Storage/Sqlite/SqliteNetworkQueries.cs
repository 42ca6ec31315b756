using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>The SQL that lists a node's relations for <see cref="NetworkCollector"/>.</summary>
internal static class SqliteNetworkQueries
{
    // Each row: neighbour id, kind, label, industry, region, relation type, whether the neighbour is the
    // relation's source, share, amount, title.
    private const string EnterpriseRelations = """
        SELECT p.person_key, 'person', p.display_name, NULL, NULL, 'LEGAL_REPRESENTATIVE_OF', 1, NULL, NULL, NULL
          FROM legal_representative l JOIN person p ON p.person_key = l.person_key WHERE l.uscc = $id
        UNION ALL
        SELECT p.person_key, 'person', p.display_name, NULL, NULL, 'EXECUTIVE_OF', 1, NULL, NULL, x.title
          FROM executive x JOIN person p ON p.person_key = x.person_key WHERE x.uscc = $id
        UNION ALL
        SELECT s.holder_key, s.holder_kind, COALESCE(p.display_name, e.name), e.industry, e.region, 'SHAREHOLDER_OF', 1, s.share, NULL, NULL
          FROM shareholding s LEFT JOIN person p ON p.person_key = s.holder_key LEFT JOIN enterprise e ON e.uscc = s.holder_key
         WHERE s.uscc = $id
        UNION ALL
        SELECT e.uscc, 'enterprise', e.name, e.industry, e.region, 'SHAREHOLDER_OF', 0, s.share, NULL, NULL
          FROM shareholding s JOIN enterprise e ON e.uscc = s.uscc WHERE s.holder_key = $id
        UNION ALL
        SELECT e.uscc, 'enterprise', e.name, e.industry, e.region, 'SUPPLIES_TO', 1, NULL, s.annual_amount, NULL
          FROM supply_link s JOIN enterprise e ON e.uscc = s.supplier_uscc WHERE s.buyer_uscc = $id
        UNION ALL
        SELECT e.uscc, 'enterprise', e.name, e.industry, e.region, 'SUPPLIES_TO', 0, NULL, s.annual_amount, NULL
          FROM supply_link s JOIN enterprise e ON e.uscc = s.buyer_uscc WHERE s.supplier_uscc = $id
        UNION ALL
        SELECT e.uscc, 'enterprise', e.name, e.industry, e.region, 'GUARANTEES', 1, NULL, g.amount, NULL
          FROM guarantee g JOIN enterprise e ON e.uscc = g.guarantor_uscc WHERE g.guaranteed_uscc = $id
        UNION ALL
        SELECT e.uscc, 'enterprise', e.name, e.industry, e.region, 'GUARANTEES', 0, NULL, g.amount, NULL
          FROM guarantee g JOIN enterprise e ON e.uscc = g.guaranteed_uscc WHERE g.guarantor_uscc = $id
        """;

    private const string PersonRelations = """
        SELECT e.uscc, 'enterprise', e.name, e.industry, e.region, 'LEGAL_REPRESENTATIVE_OF', 0, NULL, NULL, NULL
          FROM legal_representative l JOIN enterprise e ON e.uscc = l.uscc WHERE l.person_key = $id
        UNION ALL
        SELECT e.uscc, 'enterprise', e.name, e.industry, e.region, 'EXECUTIVE_OF', 0, NULL, NULL, x.title
          FROM executive x JOIN enterprise e ON e.uscc = x.uscc WHERE x.person_key = $id
        UNION ALL
        SELECT e.uscc, 'enterprise', e.name, e.industry, e.region, 'SHAREHOLDER_OF', 0, s.share, NULL, NULL
          FROM shareholding s JOIN enterprise e ON e.uscc = s.uscc WHERE s.holder_key = $id
        """;

    public static async Task<IReadOnlyList<AdjacentNode>> ExpandAsync(
        SqliteConnection connection, NetworkNode node, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = node.Kind == "person" ? PersonRelations : EnterpriseRelations;
        command.Parameters.AddWithValue("$id", node.Id);
        var result = new List<AdjacentNode>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var neighbour = new NetworkNode(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? reader.GetString(0) : reader.GetString(2),
                reader.ReadNullableText(3), reader.ReadNullableText(4), 0);
            bool neighbourIsSource = reader.GetInt64(6) != 0;
            var edge = new NetworkEdge(
                neighbourIsSource ? neighbour.Id : node.Id,
                neighbourIsSource ? node.Id : neighbour.Id,
                reader.GetString(5),
                reader.IsDBNull(7) ? null : reader.GetDouble(7),
                reader.IsDBNull(8) ? null : reader.GetDouble(8),
                reader.ReadNullableText(9));
            result.Add(new AdjacentNode(neighbour, edge));
        }
        return result;
    }
}
