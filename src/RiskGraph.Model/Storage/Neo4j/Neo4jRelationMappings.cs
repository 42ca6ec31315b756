using RiskGraph.Model.Domain;
using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// Records stored as relationships between existing nodes. MERGE on the two endpoints (plus the title for
/// EXECUTIVE_OF, one relationship per title) mirrors the embedded store's primary keys, so a repeated upsert
/// replaces the amount or share instead of adding a parallel relationship.
/// Endpoints are found with MERGE (see <see cref="Neo4jMapping{T}.Upsert"/>): one that had to be created is a
/// stub, and the store fails the call.
/// </summary>
internal static class Neo4jRelationMappings
{
    public static readonly Neo4jMapping<LegalRepresentative> LegalRepresentative = new()
    {
        Upsert = """
            UNWIND $rows AS r
            MERGE (p:Person {person_key: r.person_key})
            ON CREATE SET p._stub = true
            MERGE (e:Enterprise {uscc: r.uscc})
            ON CREATE SET e._stub = true
            MERGE (p)-[:LEGAL_REPRESENTATIVE_OF]->(e)
            RETURN count(*), count(p._stub) + count(e._stub)
            """,
        WriteRow = (w, l) =>
        {
            w.WriteString("person_key", l.PersonKey);
            w.WriteString("uscc", l.Uscc);
        },
        Match = "MATCH (p:Person)-[:LEGAL_REPRESENTATIVE_OF]->(e:Enterprise)",
        Columns = ["p.person_key", "e.uscc"],
        Keys = ["e.uscc", "p.person_key"],
        ReadRow = r => new LegalRepresentative(Text(r[0]), Text(r[1])),
        KeyOf = l => [l.Uscc, l.PersonKey],
        Count = "MATCH ()-[x:LEGAL_REPRESENTATIVE_OF]->() RETURN count(x)",
    };

    public static readonly Neo4jMapping<Executive> Executive = new()
    {
        Upsert = """
            UNWIND $rows AS r
            MERGE (p:Person {person_key: r.person_key})
            ON CREATE SET p._stub = true
            MERGE (e:Enterprise {uscc: r.uscc})
            ON CREATE SET e._stub = true
            MERGE (p)-[:EXECUTIVE_OF {title: r.title}]->(e)
            RETURN count(*), count(p._stub) + count(e._stub)
            """,
        WriteRow = (w, x) =>
        {
            w.WriteString("person_key", x.PersonKey);
            w.WriteString("uscc", x.Uscc);
            w.WriteString("title", x.Title);
        },
        Match = "MATCH (p:Person)-[x:EXECUTIVE_OF]->(e:Enterprise)",
        Columns = ["p.person_key", "e.uscc", "x.title"],
        Keys = ["e.uscc", "p.person_key", "x.title"],
        ReadRow = r => new Executive(Text(r[0]), Text(r[1]), Text(r[2])),
        KeyOf = x => [x.Uscc, x.PersonKey, x.Title],
        Count = "MATCH ()-[x:EXECUTIVE_OF]->() RETURN count(x)",
    };

    // The holder is a Person or an Enterprise: holder_kind picks the statement (and so the label the key is looked
    // up under), and on reading the holder's label gives the kind back.
    private const string PersonHolding = """
        UNWIND $rows AS r
        MERGE (h:Person {person_key: r.holder_key})
        ON CREATE SET h._stub = true
        MERGE (e:Enterprise {uscc: r.uscc})
        ON CREATE SET e._stub = true
        MERGE (h)-[s:SHAREHOLDER_OF]->(e)
        SET s.share = r.share
        RETURN count(*), count(h._stub) + count(e._stub)
        """;

    private const string EnterpriseHolding = """
        UNWIND $rows AS r
        MERGE (h:Enterprise {uscc: r.holder_key})
        ON CREATE SET h._stub = true
        MERGE (e:Enterprise {uscc: r.uscc})
        ON CREATE SET e._stub = true
        MERGE (h)-[s:SHAREHOLDER_OF]->(e)
        SET s.share = r.share
        RETURN count(*), count(h._stub) + count(e._stub)
        """;

    public static readonly Neo4jMapping<Shareholding> Shareholding = new()
    {
        Upsert = PersonHolding,
        UpsertFor = s => s.HolderKind == HolderKind.Person ? PersonHolding : EnterpriseHolding,
        WriteRow = (w, s) =>
        {
            w.WriteString("holder_kind", s.HolderKind.Name());
            w.WriteString("holder_key", s.HolderKey);
            w.WriteString("uscc", s.Uscc);
            WriteFloat(w, "share", s.Share);
        },
        Match = "MATCH (h)-[s:SHAREHOLDER_OF]->(e:Enterprise)",
        Columns = ["CASE WHEN h:Person THEN 'person' ELSE 'enterprise' END", "coalesce(h.person_key, h.uscc)", "e.uscc", "s.share"],
        Keys = ["e.uscc", "coalesce(h.person_key, h.uscc)"],
        ReadRow = r => new Shareholding(Neo4jMappings.ParseHolder(Text(r[0])), Text(r[1]), Text(r[2]), Float(r[3])),
        KeyOf = s => [s.Uscc, s.HolderKey],
        Count = "MATCH ()-[s:SHAREHOLDER_OF]->() RETURN count(s)",
    };

    public static readonly Neo4jMapping<SupplyLink> SupplyLink = new()
    {
        Upsert = """
            UNWIND $rows AS r
            MERGE (s:Enterprise {uscc: r.supplier_uscc})
            ON CREATE SET s._stub = true
            MERGE (b:Enterprise {uscc: r.buyer_uscc})
            ON CREATE SET b._stub = true
            MERGE (s)-[x:SUPPLIES_TO]->(b)
            SET x.annual_amount = r.annual_amount
            RETURN count(*), count(s._stub) + count(b._stub)
            """,
        WriteRow = (w, s) =>
        {
            w.WriteString("supplier_uscc", s.SupplierUscc);
            w.WriteString("buyer_uscc", s.BuyerUscc);
            WriteFloat(w, "annual_amount", s.AnnualAmount);
        },
        Match = "MATCH (s:Enterprise)-[x:SUPPLIES_TO]->(b:Enterprise)",
        Columns = ["s.uscc", "b.uscc", "x.annual_amount"],
        Keys = ["s.uscc", "b.uscc"],
        ReadRow = r => new SupplyLink(Text(r[0]), Text(r[1]), Float(r[2])),
        KeyOf = s => [s.SupplierUscc, s.BuyerUscc],
        Count = "MATCH ()-[x:SUPPLIES_TO]->() RETURN count(x)",
    };

    public static readonly Neo4jMapping<Guarantee> Guarantee = new()
    {
        Upsert = """
            UNWIND $rows AS r
            MERGE (g:Enterprise {uscc: r.guarantor_uscc})
            ON CREATE SET g._stub = true
            MERGE (d:Enterprise {uscc: r.guaranteed_uscc})
            ON CREATE SET d._stub = true
            MERGE (g)-[x:GUARANTEES]->(d)
            SET x.amount = r.amount
            RETURN count(*), count(g._stub) + count(d._stub)
            """,
        WriteRow = (w, g) =>
        {
            w.WriteString("guarantor_uscc", g.GuarantorUscc);
            w.WriteString("guaranteed_uscc", g.GuaranteedUscc);
            WriteFloat(w, "amount", g.Amount);
        },
        Match = "MATCH (g:Enterprise)-[x:GUARANTEES]->(d:Enterprise)",
        Columns = ["g.uscc", "d.uscc", "x.amount"],
        Keys = ["g.uscc", "d.uscc"],
        ReadRow = r => new Guarantee(Text(r[0]), Text(r[1]), Float(r[2])),
        KeyOf = g => [g.GuarantorUscc, g.GuaranteedUscc],
        Count = "MATCH ()-[x:GUARANTEES]->() RETURN count(x)",
    };
}
