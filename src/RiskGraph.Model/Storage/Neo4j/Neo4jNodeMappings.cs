using RiskGraph.Model.Domain;
using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// Records stored as nodes (and the risk label, stored as a property of its enterprise). Property names are the
/// embedded store's column names; MERGE on the key then SET of every property makes a repeated upsert a no-op,
/// and SET to null removes a property, so an optional value that became empty reads back as null.
/// </summary>
internal static class Neo4jNodeMappings
{
    public static readonly Neo4jMapping<Enterprise> Enterprise = new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (e:Enterprise {uscc: r.uscc})
            SET {{Neo4jCypherText.Sets("e", "registration_no", "name", "industry", "region", "founded", "registered_capital", "status")}}
            RETURN count(*), 0
            """,
        WriteRow = (w, e) =>
        {
            w.WriteString("uscc", e.Uscc);
            w.WriteString("registration_no", e.RegistrationNo);
            w.WriteString("name", e.Name);
            w.WriteString("industry", e.Industry);
            w.WriteString("region", e.Region);
            WriteDate(w, "founded", e.Founded);
            WriteFloat(w, "registered_capital", e.RegisteredCapital);
            w.WriteString("status", e.Status.Name());
        },
        Match = "MATCH (e:Enterprise)",
        Columns = ["e.uscc", "e.registration_no", "e.name", "e.industry", "e.region", "e.founded", "e.registered_capital", "e.status"],
        Keys = ["e.uscc"],
        ReadRow = r => new Enterprise(Text(r[0]), NullableText(r[1]), Text(r[2]), Text(r[3]), Text(r[4]), NullableDate(r[5]),
            Float(r[6]), Neo4jMappings.ParseStatus(Text(r[7]))),
        KeyOf = e => [e.Uscc],
        Count = "MATCH (e:Enterprise) RETURN count(e)",
    };

    public static readonly Neo4jMapping<Person> Person = new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (p:Person {person_key: r.person_key})
            SET {{Neo4jCypherText.Sets("p", "display_name", "masked_id")}}
            RETURN count(*), 0
            """,
        WriteRow = (w, p) =>
        {
            w.WriteString("person_key", p.PersonKey);
            w.WriteString("display_name", p.DisplayName);
            w.WriteString("masked_id", p.MaskedId);
        },
        Match = "MATCH (p:Person)",
        Columns = ["p.person_key", "p.display_name", "p.masked_id"],
        Keys = ["p.person_key"],
        ReadRow = r => new Person(Text(r[0]), Text(r[1]), Text(r[2])),
        KeyOf = p => [p.PersonKey],
        Count = "MATCH (p:Person) RETURN count(p)",
    };

    public static readonly Neo4jMapping<Penalty> Penalty = new()
    {
        Upsert = RecordUpsert("Penalty", "uscc", "kind", "amount", "decision_date", "publication_date", "department", "catalogue_item"),
        WriteRow = (w, p) =>
        {
            w.WriteString("record_id", p.RecordId);
            w.WriteString("uscc", p.Uscc);
            w.WriteString("kind", p.Kind.Name());
            WriteFloat(w, "amount", p.Amount);
            WriteDate(w, "decision_date", p.DecisionDate);
            WriteDate(w, "publication_date", p.PublicationDate);
            w.WriteString("department", p.Department);
            w.WriteString("catalogue_item", p.CatalogueItem);
        },
        Match = "MATCH (x:Penalty)",
        Columns = ["x.record_id", "x.uscc", "x.kind", "x.amount", "x.decision_date", "x.publication_date", "x.department", "x.catalogue_item"],
        Keys = ["x.record_id"],
        ReadRow = r => new Penalty(Text(r[0]), Text(r[1]), Neo4jMappings.ParsePenalty(Text(r[2])), Float(r[3]), Date(r[4]), Date(r[5]),
            Text(r[6]), NullableText(r[7])),
        KeyOf = p => [p.RecordId],
        Count = "MATCH (x:Penalty) RETURN count(x)",
    };

    public static readonly Neo4jMapping<ListEntry> ListEntry = new()
    {
        Upsert = RecordUpsert("ListEntry", "uscc", "list_type", "valid_from", "valid_to", "department", "legal_basis", "catalogue_item"),
        WriteRow = (w, l) =>
        {
            w.WriteString("record_id", l.RecordId);
            w.WriteString("uscc", l.Uscc);
            w.WriteString("list_type", l.ListType.Name());
            WriteDate(w, "valid_from", l.ValidFrom);
            WriteDate(w, "valid_to", l.ValidTo);
            w.WriteString("department", l.Department);
            w.WriteString("legal_basis", l.LegalBasis);
            w.WriteString("catalogue_item", l.CatalogueItem);
        },
        Match = "MATCH (x:ListEntry)",
        Columns = ["x.record_id", "x.uscc", "x.list_type", "x.valid_from", "x.valid_to", "x.department", "x.legal_basis", "x.catalogue_item"],
        Keys = ["x.record_id"],
        ReadRow = r => new ListEntry(Text(r[0]), Text(r[1]), Neo4jMappings.ParseList(Text(r[2])), Date(r[3]), NullableDate(r[4]),
            Text(r[5]), NullableText(r[6]), NullableText(r[7])),
        KeyOf = l => [l.RecordId],
        Count = "MATCH (x:ListEntry) RETURN count(x)",
    };

    // One label per enterprise, so it is a property of the enterprise rather than a node of its own;
    // re-importing the enterprise leaves it alone because its SET does not name risk_label.
    public static readonly Neo4jMapping<RiskLabel> RiskLabel = new()
    {
        Upsert = """
            UNWIND $rows AS r
            MERGE (e:Enterprise {uscc: r.uscc})
            ON CREATE SET e._stub = true
            SET e.risk_label = r.risky
            RETURN count(*), count(e._stub)
            """,
        WriteRow = (w, l) =>
        {
            w.WriteString("uscc", l.Uscc);
            w.WriteBoolean("risky", l.Risky);
        },
        Match = "MATCH (e:Enterprise)",
        Filter = "e.risk_label IS NOT NULL",
        Columns = ["e.uscc", "e.risk_label"],
        Keys = ["e.uscc"],
        ReadRow = r => new RiskLabel(Text(r[0]), Boolean(r[1])),
        KeyOf = l => [l.Uscc],
        Count = "MATCH (e:Enterprise) WHERE e.risk_label IS NOT NULL RETURN count(e)",
    };

    // A record keeps its uscc as a property (what reads return) and an ABOUT relationship (what traversals follow).
    // When a re-imported record names another enterprise, the OPTIONAL MATCH removes the ABOUT to the old one.
    // It can multiply rows, so the count is of distinct records (the store sends each key once per call).
    private static string RecordUpsert(string label, params string[] properties) => $$"""
        UNWIND $rows AS r
        MERGE (e:Enterprise {uscc: r.uscc})
        ON CREATE SET e._stub = true
        MERGE (x:{{label}} {record_id: r.record_id})
        SET {{Neo4jCypherText.Sets("x", properties)}}
        MERGE (x)-[:ABOUT]->(e)
        WITH x, e
        OPTIONAL MATCH (x)-[stale:ABOUT]->(other)
        WHERE other <> e
        DELETE stale
        RETURN count(DISTINCT x), count(DISTINCT e._stub)
        """;
}
