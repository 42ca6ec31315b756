using RiskGraph.Model.Domain;
using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// Inspection results: a node per inspection, ABOUT the enterprise inspected (like commitments and penalties). Person
/// list entries: a node per entry holding the person key only, with no relationship, because a listed person need
/// not be in the graph (the embedded store has no foreign key either).
/// </summary>
internal static class Neo4jInspectionMapping
{
    public static readonly Neo4jMapping<Inspection> Inspection = new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (e:Enterprise {uscc: r.uscc})
            ON CREATE SET e._stub = true
            MERGE (x:Inspection {inspection_id: r.inspection_id})
            SET {{Neo4jCypherText.Sets("x", "uscc", "inspected_on", "outcome", "department", "inspectors", "note", "plan_id")}}
            MERGE (x)-[:ABOUT]->(e)
            WITH x, e
            OPTIONAL MATCH (x)-[stale:ABOUT]->(other)
            WHERE other <> e
            DELETE stale
            RETURN count(DISTINCT x), count(DISTINCT e._stub)
            """,
        WriteRow = (w, i) =>
        {
            w.WriteString("inspection_id", i.InspectionId);
            w.WriteString("uscc", i.Uscc);
            WriteDate(w, "inspected_on", i.InspectedOn);
            w.WriteString("outcome", i.Outcome.Name());
            w.WriteString("department", i.Department);
            w.WriteString("inspectors", i.Inspectors);
            if (i.Note is null) w.WriteNull("note");
            else w.WriteString("note", i.Note);
            if (i.PlanId is null) w.WriteNull("plan_id");
            else w.WriteString("plan_id", i.PlanId);
        },
        Match = "MATCH (x:Inspection)",
        Columns = ["x.inspection_id", "x.uscc", "x.inspected_on", "x.outcome", "x.department", "x.inspectors", "x.note", "x.plan_id"],
        Keys = ["x.inspection_id"],
        ReadRow = r => new Inspection(Text(r[0]), Text(r[1]), Date(r[2]), Neo4jMappings.ParseInspection(Text(r[3])), Text(r[4]), Text(r[5]),
            NullableText(r[6]), NullableText(r[7])),
        KeyOf = i => [i.InspectionId],
        Count = "MATCH (x:Inspection) RETURN count(x)",
    };

    public static readonly Neo4jMapping<PersonListEntry> PersonListEntry = new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (x:PersonListEntry {record_id: r.record_id})
            SET {{Neo4jCypherText.Sets("x", "person_key", "list_type", "valid_from", "valid_to", "department", "legal_basis")}}
            RETURN count(*), 0
            """,
        WriteRow = (w, l) =>
        {
            w.WriteString("record_id", l.RecordId);
            w.WriteString("person_key", l.PersonKey);
            w.WriteString("list_type", l.ListType.Name());
            WriteDate(w, "valid_from", l.ValidFrom);
            WriteDate(w, "valid_to", l.ValidTo);
            w.WriteString("department", l.Department);
            if (l.LegalBasis is null) w.WriteNull("legal_basis");
            else w.WriteString("legal_basis", l.LegalBasis);
        },
        Match = "MATCH (x:PersonListEntry)",
        Columns = ["x.record_id", "x.person_key", "x.list_type", "x.valid_from", "x.valid_to", "x.department", "x.legal_basis"],
        Keys = ["x.record_id"],
        ReadRow = r => new PersonListEntry(Text(r[0]), Text(r[1]), Neo4jMappings.ParsePersonList(Text(r[2])), Date(r[3]), NullableDate(r[4]),
            Text(r[5]), NullableText(r[6])),
        KeyOf = l => [l.RecordId],
        Count = "MATCH (x:PersonListEntry) RETURN count(x)",
    };
}
