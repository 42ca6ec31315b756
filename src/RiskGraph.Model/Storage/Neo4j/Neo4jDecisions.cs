using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// The Cypher of <see cref="Neo4jGraphStore.AppendOnceAsync{T}"/>. Each decision is settled by a MERGE on a
/// uniquely constrained key: Neo4j locks that index entry, so of concurrent MERGEs one creates the node and the
/// others wait for its commit and then find it. An outcome is keyed by its objection already; a repair is keyed
/// by its repair id, so a guard node <c>(:RepairedRecord {record_id})</c> names the repair a record got. The guard
/// starts from the earliest repair already stored, for stores written before it existed. Writes are MERGEs, so a
/// request retried after a lost answer finds its own decision instead of adding a second one.
/// </summary>
internal static class Neo4jDecisions
{
    public static (Neo4jStatement Write, Neo4jStatement Read) For<T>(T decision, string token) where T : class => decision switch
    {
        CreditRepair repair => (Statement(RepairWrite, Neo4jCreditActionMappings.CreditRepair, repair, token),
            new Neo4jStatement(RepairRead, new Dictionary<string, object?> { ["record_id"] = repair.RecordId })),
        ObjectionOutcome outcome => (Statement(OutcomeWrite, Neo4jCreditActionMappings.ObjectionOutcome, outcome, token),
            new Neo4jStatement(OutcomeRead, new Dictionary<string, object?> { ["objection_id"] = outcome.ObjectionId })),
        _ => throw new NotSupportedException($"{typeof(T).Name} is not a decision taken once."),
    };

    private static readonly string RepairWrite = $$"""
        WITH $r AS r
        OPTIONAL MATCH (old:CreditRepair {record_id: r.record_id})
        WITH r, old ORDER BY old.decided_at, old.repair_id LIMIT 1
        MERGE (g:RepairedRecord {record_id: r.record_id})
        ON CREATE SET g.repair_id = coalesce(old.repair_id, r.repair_id)
        WITH r, g, g.repair_id = r.repair_id AS appended
        FOREACH (_ IN CASE WHEN appended THEN [1] ELSE [] END |
          MERGE (x:CreditRepair {repair_id: r.repair_id})
          SET {{Neo4jCypherText.Sets("x", "record_id", "method", "decided_by", "reason", "decided_at")}})
        RETURN appended
        """;

    private static readonly string RepairRead =
        $"MATCH (g:RepairedRecord {{record_id: $record_id}}) MATCH (x:CreditRepair {{repair_id: g.repair_id}}) " +
        $"RETURN {string.Join(", ", Neo4jCreditActionMappings.CreditRepair.Columns)}";

    // The token marks the node this request created, and is removed again before the commit.
    private static readonly string OutcomeWrite = $$"""
        WITH $r AS r
        MERGE (x:ObjectionOutcome {objection_id: r.objection_id})
        ON CREATE SET {{Neo4jCypherText.Sets("x", "result", "decided_by", "note", "decided_at", "corrected_kind", "corrected_amount",
                "corrected_decision_date", "corrected_publication_date", "corrected_valid_from", "corrected_valid_to")}}, x._created_by = $token
        WITH x, coalesce(x._created_by = $token, false) AS appended
        REMOVE x._created_by
        RETURN appended
        """;

    private static readonly string OutcomeRead =
        $"MATCH (x:ObjectionOutcome {{objection_id: $objection_id}}) RETURN {string.Join(", ", Neo4jCreditActionMappings.ObjectionOutcome.Columns)}";

    private static Neo4jStatement Statement<T>(string text, Neo4jMapping<T> mapping, T row, string token) where T : class =>
        new(text, writer =>
        {
            writer.WriteStartObject("r");
            mapping.WriteRow(writer, row);
            writer.WriteEndObject();
            writer.WriteString("token", token);
        });
}
