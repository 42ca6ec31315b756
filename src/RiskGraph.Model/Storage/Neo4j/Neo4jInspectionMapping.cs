using RiskGraph.Model.Domain;
using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>Inspection results: a node per inspection, ABOUT the enterprise inspected (like commitments and penalties).</summary>
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
}
