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
        Match = "MATCH (p:Person)-[x:LEGAL_REPRESENTATIVE_OF]->(e:Enterprise)",
        Relation = "x",
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
        Relation = "x",
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
        Relation = "s",
        Columns = ["CASE WHEN h:Person THEN 'person' ELSE 'enterprise' END", "coalesce(h.person_key, h.uscc)", "e.uscc", "s.share"],
        Keys = ["e.uscc", "coalesce(h.person_key, h.uscc)"],
        ReadRow = r => new Shareholding(Neo4jMappings.ParseHolder(Text(r[0])), Text(r[1]), Text(r[2]), Float(r[3])),
        KeyOf = s => [s.Uscc, s.HolderKey],
        Count = "MATCH ()-[s:SHAREHOLDER_OF]->() RETURN count(s)",
    };

    public static readonly Neo4jMapping<SupplyLink> SupplyLink = EnterpriseLink<SupplyLink>(
        "SUPPLIES_TO", "supplier_uscc", "buyer_uscc", "annual_amount",
        s => (s.SupplierUscc, s.BuyerUscc, s.AnnualAmount), (from, to, amount) => new SupplyLink(from, to, amount));

    public static readonly Neo4jMapping<Guarantee> Guarantee = EnterpriseLink<Guarantee>(
        "GUARANTEES", "guarantor_uscc", "guaranteed_uscc", "amount",
        g => (g.GuarantorUscc, g.GuaranteedUscc, g.Amount), (from, to, amount) => new Guarantee(from, to, amount));

    /// <summary>
    /// An enterprise-to-enterprise relationship carrying one amount (supply links, guarantees): MERGE on both
    /// endpoints, marking endpoints that had to be created as stubs so the call fails instead of inventing enterprises.
    /// </summary>
    private static Neo4jMapping<T> EnterpriseLink<T>(
        string type, string fromKey, string toKey, string amountProperty,
        Func<T, (string From, string To, double Amount)> values, Func<string, string, double, T> create)
        where T : class => new()
    {
        Upsert = $$"""
            UNWIND $rows AS r
            MERGE (a:Enterprise {uscc: r.{{fromKey}}})
            ON CREATE SET a._stub = true
            MERGE (b:Enterprise {uscc: r.{{toKey}}})
            ON CREATE SET b._stub = true
            MERGE (a)-[x:{{type}}]->(b)
            SET x.{{amountProperty}} = r.{{amountProperty}}
            RETURN count(*), count(a._stub) + count(b._stub)
            """,
        WriteRow = (w, row) =>
        {
            var (from, to, amount) = values(row);
            w.WriteString(fromKey, from);
            w.WriteString(toKey, to);
            WriteFloat(w, amountProperty, amount);
        },
        Match = $"MATCH (a:Enterprise)-[x:{type}]->(b:Enterprise)",
        Relation = "x",
        Columns = ["a.uscc", "b.uscc", $"x.{amountProperty}"],
        Keys = ["a.uscc", "b.uscc"],
        ReadRow = r => create(Text(r[0]), Text(r[1]), Float(r[2])),
        KeyOf = row => { var (from, to, _) = values(row); return [from, to]; },
        Count = $"MATCH ()-[x:{type}]->() RETURN count(x)",
    };
}
