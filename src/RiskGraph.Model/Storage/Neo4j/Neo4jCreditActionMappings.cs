using RiskGraph.Model.Domain;
using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// Commitments, repairs, objections and objection outcomes: append-only facts, each a node keyed by its id.
/// A commitment is about an enterprise (ABOUT, like penalties). Repairs and objections name a penalty or list
/// entry only by record_id, as in the embedded store, and are not tied to it by a relationship: a record id may
/// belong to either label, and the ledger resolves it when the snapshot is built.
/// </summary>
internal static class Neo4jCreditActionMappings
{
    public static readonly Neo4jMapping<Commitment> Commitment = new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (e:Enterprise {uscc: r.uscc})
            ON CREATE SET e._stub = true
            MERGE (x:Commitment {commitment_id: r.commitment_id})
            SET {{Neo4jCypherText.Sets("x", "uscc", "type", "matter", "made_on", "fulfilment", "department")}}
            MERGE (x)-[:ABOUT]->(e)
            WITH x, e
            OPTIONAL MATCH (x)-[stale:ABOUT]->(other)
            WHERE other <> e
            DELETE stale
            RETURN count(DISTINCT x), count(DISTINCT e._stub)
            """,
        WriteRow = (w, c) =>
        {
            w.WriteString("commitment_id", c.CommitmentId);
            w.WriteString("uscc", c.Uscc);
            w.WriteString("type", c.Type.Name());
            w.WriteString("matter", c.Matter);
            WriteDate(w, "made_on", c.MadeOn);
            w.WriteString("fulfilment", c.Fulfilment.Name());
            w.WriteString("department", c.Department);
        },
        Match = "MATCH (x:Commitment)",
        Columns = ["x.commitment_id", "x.uscc", "x.type", "x.matter", "x.made_on", "x.fulfilment", "x.department"],
        Keys = ["x.commitment_id"],
        ReadRow = r => new Commitment(Text(r[0]), Text(r[1]), Neo4jMappings.ParseCommitment(Text(r[2])), Text(r[3]), Date(r[4]),
            Neo4jMappings.ParseFulfilment(Text(r[5])), Text(r[6])),
        KeyOf = c => [c.CommitmentId],
        Count = "MATCH (x:Commitment) RETURN count(x)",
    };

    public static readonly Neo4jMapping<CreditRepair> CreditRepair = new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (x:CreditRepair {repair_id: r.repair_id})
            SET {{Neo4jCypherText.Sets("x", "record_id", "method", "decided_by", "reason", "decided_at")}}
            RETURN count(*), 0
            """,
        WriteRow = (w, c) =>
        {
            w.WriteString("repair_id", c.RepairId);
            w.WriteString("record_id", c.RecordId);
            w.WriteString("method", c.Method.Name());
            w.WriteString("decided_by", c.DecidedBy);
            w.WriteString("reason", c.Reason);
            WriteInstant(w, "decided_at", c.DecidedAt);
        },
        Match = "MATCH (x:CreditRepair)",
        Columns = ["x.repair_id", "x.record_id", "x.method", "x.decided_by", "x.reason", "x.decided_at"],
        Keys = ["x.repair_id"],
        ReadRow = r => new CreditRepair(Text(r[0]), Text(r[1]), Neo4jMappings.ParseRepair(Text(r[2])), Text(r[3]), Text(r[4]), Instant(r[5])),
        KeyOf = c => [c.RepairId],
        Count = "MATCH (x:CreditRepair) RETURN count(x)",
    };

    public static readonly Neo4jMapping<Objection> Objection = new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (x:Objection {objection_id: r.objection_id})
            SET {{Neo4jCypherText.Sets("x", "record_id", "filed_by", "reason", "filed_at")}}
            RETURN count(*), 0
            """,
        WriteRow = (w, o) =>
        {
            w.WriteString("objection_id", o.ObjectionId);
            w.WriteString("record_id", o.RecordId);
            w.WriteString("filed_by", o.FiledBy);
            w.WriteString("reason", o.Reason);
            WriteInstant(w, "filed_at", o.FiledAt);
        },
        Match = "MATCH (x:Objection)",
        Columns = ["x.objection_id", "x.record_id", "x.filed_by", "x.reason", "x.filed_at"],
        Keys = ["x.objection_id"],
        ReadRow = r => new Objection(Text(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), Instant(r[4])),
        KeyOf = o => [o.ObjectionId],
        Count = "MATCH (x:Objection) RETURN count(x)",
    };

    // Keyed by the objection it decides (one outcome per objection), like the embedded store's table.
    public static readonly Neo4jMapping<ObjectionOutcome> ObjectionOutcome = new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (x:ObjectionOutcome {objection_id: r.objection_id})
            SET {{Neo4jCypherText.Sets("x", "result", "decided_by", "note", "decided_at", "corrected_kind", "corrected_amount",
                "corrected_decision_date", "corrected_publication_date", "corrected_valid_from", "corrected_valid_to")}}
            RETURN count(*), 0
            """,
        WriteRow = (w, o) =>
        {
            w.WriteString("objection_id", o.ObjectionId);
            w.WriteString("result", o.Result.Name());
            w.WriteString("decided_by", o.DecidedBy);
            w.WriteString("note", o.Note);
            WriteInstant(w, "decided_at", o.DecidedAt);
            // Null properties are not stored by Neo4j, so an outcome without a correction has none of these.
            if (o.Correction?.Kind is { } kind) w.WriteString("corrected_kind", kind.Name());
            else w.WriteNull("corrected_kind");
            if (o.Correction?.Amount is { } amount) WriteFloat(w, "corrected_amount", amount);
            else w.WriteNull("corrected_amount");
            WriteDate(w, "corrected_decision_date", o.Correction?.DecisionDate);
            WriteDate(w, "corrected_publication_date", o.Correction?.PublicationDate);
            WriteDate(w, "corrected_valid_from", o.Correction?.ValidFrom);
            WriteDate(w, "corrected_valid_to", o.Correction?.ValidTo);
        },
        Match = "MATCH (x:ObjectionOutcome)",
        Columns =
        [
            "x.objection_id", "x.result", "x.decided_by", "x.note", "x.decided_at", "x.corrected_kind", "x.corrected_amount",
            "x.corrected_decision_date", "x.corrected_publication_date", "x.corrected_valid_from", "x.corrected_valid_to",
        ],
        Keys = ["x.objection_id"],
        ReadRow = r => new ObjectionOutcome(Text(r[0]), Neo4jMappings.ParseObjection(Text(r[1])), Text(r[2]), Text(r[3]), Instant(r[4]),
            ReadCorrection(r)),
        KeyOf = o => [o.ObjectionId],
        Count = "MATCH (x:ObjectionOutcome) RETURN count(x)",
    };

    private static RecordCorrection? ReadCorrection(System.Text.Json.JsonElement r)
    {
        var correction = new RecordCorrection(
            NullableText(r[5]) is { } kind ? Neo4jMappings.ParsePenalty(kind) : null, NullableFloat(r[6]), NullableDate(r[7]),
            NullableDate(r[8]), NullableDate(r[9]), NullableDate(r[10]));
        return correction.IsEmpty ? null : correction;
    }
}
