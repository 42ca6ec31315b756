namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// Uniqueness constraints on the node keys (they also give MERGE its index; without them every MERGE scans
/// the label) and indexes on the columns analysts filter by. The DDL syntax changed in 4.4, so it is chosen by
/// server version.
/// </summary>
internal static class Neo4jSchema
{
    private static readonly (string Name, string Label, string Property)[] UniqueKeys =
    [
        ("enterprise_uscc", "Enterprise", "uscc"),
        ("person_person_key", "Person", "person_key"),
        ("penalty_record_id", "Penalty", "record_id"),
        ("list_entry_record_id", "ListEntry", "record_id"),
        ("commitment_commitment_id", "Commitment", "commitment_id"),
        ("credit_repair_repair_id", "CreditRepair", "repair_id"),
        ("objection_objection_id", "Objection", "objection_id"),
        ("objection_outcome_objection_id", "ObjectionOutcome", "objection_id"),
        ("api_key_name", "ApiKey", "name"),
        ("idempotent_answer_id", "IdempotentAnswer", "id"),
        ("change_counter_name", "ChangeCounter", "name"),
        ("change_seq", "Change", "seq"),
        ("api_key_key_id", "ApiKey", "key_id"),
        // The guard that lets a record be repaired once (see Neo4jDecisions).
        ("repaired_record_record_id", "RepairedRecord", "record_id"),
        ("inspection_inspection_id", "Inspection", "inspection_id"),
        ("person_list_entry_record_id", "PersonListEntry", "record_id"),
        // One node per lease name, so concurrent first acquisitions MERGE one node (see Neo4jLeases).
        ("store_lease_name", "StoreLease", "name"),
    ];

    private static readonly (string Name, string Label, string Property)[] Indexes =
    [
        ("enterprise_industry", "Enterprise", "industry"),
        ("enterprise_region", "Enterprise", "region"),
    ];

    private static readonly Version NamedSyntaxSince = new(4, 4);

    /// <summary>
    /// One statement per constraint or index, each to run in its own autocommit transaction: Neo4j refuses schema
    /// and data changes in one transaction, and 3.x also several schema changes in one.
    /// </summary>
    public static IReadOnlyList<string> Statements(Version serverVersion)
    {
        bool named = serverVersion >= NamedSyntaxSince;
        var statements = new List<string>();
        foreach (var (name, label, property) in UniqueKeys)
        {
            // Before 4.4 creating an existing constraint is a no-op; from 4.4 on IF NOT EXISTS says so explicitly.
            statements.Add(named
                ? $"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{property} IS UNIQUE"
                : $"CREATE CONSTRAINT ON (n:{label}) ASSERT n.{property} IS UNIQUE");
        }
        foreach (var (name, label, property) in Indexes)
        {
            statements.Add(named
                ? $"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{property})"
                : $"CREATE INDEX ON :{label}({property})");
        }
        return statements;
    }

    /// <summary>
    /// Errors meaning "this schema rule is already there" (raised by some 4.x versions for the old syntax, or when
    /// an equivalent rule exists under another name): the goal of InitializeAsync is met.
    /// </summary>
    public static bool AlreadyExists(Neo4jException error) =>
        error.Code is "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"
            or "Neo.ClientError.Schema.ConstraintAlreadyExists"
            or "Neo.ClientError.Schema.IndexAlreadyExists";
}
