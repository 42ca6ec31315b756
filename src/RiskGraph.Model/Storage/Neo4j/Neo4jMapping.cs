using System.Text.Json;
using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>
/// How one domain record type lives in the graph: the batch upsert, the paged read and the count.
/// Reads order by the same key columns as the embedded store's tables, so both stores list rows identically.
/// </summary>
internal sealed class Neo4jMapping<T> where T : class
{
    /// <summary>
    /// Cypher over <c>UNWIND $rows AS r</c> returning two numbers: the rows written and the stubs created.
    /// Existing nodes are found with MERGE, never MATCH: a MERGE on a uniquely constrained key is always planned
    /// as a unique index seek, whereas the 3.x cost planner, on the unsampled statistics of a fresh database,
    /// plans some UNWIND … MATCH lookups as a scan of the whole label per row (minutes instead of a second per
    /// batch). A node the MERGE had to create is marked <c>_stub</c> and counted; the store then fails the call,
    /// and the rollback removes the stub again.
    /// </summary>
    public required string Upsert { get; init; }

    /// <summary>
    /// For a record type written by different statements depending on the row (a shareholding's holder is a
    /// Person or an Enterprise): the statement for each row. Null when <see cref="Upsert"/> serves every row.
    /// </summary>
    public Func<T, string>? UpsertFor { get; init; }

    /// <summary>Writes the members of one row's parameter map (the JSON object is opened and closed around it).</summary>
    public required Action<Utf8JsonWriter, T> WriteRow { get; init; }

    /// <summary>The MATCH clause that finds every stored row, e.g. <c>MATCH (e:Enterprise)</c>.</summary>
    public required string Match { get; init; }

    /// <summary>An extra condition on <see cref="Match"/>, or null.</summary>
    public string? Filter { get; init; }

    /// <summary>The returned expressions, in the order <see cref="ReadRow"/> reads them.</summary>
    public required string[] Columns { get; init; }

    /// <summary>Key expressions in the embedded store's key-column order: the sort order and the page cursor.</summary>
    public required string[] Keys { get; init; }

    public required Func<JsonElement, T> ReadRow { get; init; }

    /// <summary>The values of <see cref="Keys"/> for a row, to continue reading after it.</summary>
    public required Func<T, string[]> KeyOf { get; init; }

    /// <summary>Returns one count; relationship counts come from Neo4j's count store without a scan.</summary>
    public required string Count { get; init; }

    /// <summary>The statements writing rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1, in row order within each.</summary>
    public IReadOnlyList<Neo4jStatement> UpsertStatements(IReadOnlyList<T> rows, int start, int count)
    {
        var rowsByStatement = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = start; i < start + count; i++)
        {
            string text = UpsertFor?.Invoke(rows[i]) ?? Upsert;
            if (!rowsByStatement.TryGetValue(text, out var indexes)) rowsByStatement[text] = indexes = [];
            indexes.Add(i);
        }
        return rowsByStatement.Select(pair => new Neo4jStatement(pair.Key, writer =>
        {
            writer.WriteStartArray("rows");
            foreach (int i in pair.Value)
            {
                writer.WriteStartObject();
                WriteRow(writer, rows[i]);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        })).ToList();
    }

    /// <summary>
    /// One page of at most <paramref name="limit"/> rows after <paramref name="after"/> (null for the first page).
    /// Keyset paging (key &gt; last key) rather than SKIP keeps each page's cost independent of its position and
    /// does not skip or repeat rows when writes land between pages.
    /// </summary>
    public Neo4jStatement PageStatement(string[]? after, int limit)
    {
        var conditions = new List<string>();
        if (Filter is not null) conditions.Add(Filter);
        var parameters = new Dictionary<string, object?> { ["limit"] = limit };
        if (after is not null)
        {
            // The redundant "first key >= cursor" lets the planner seek the unique index from the cursor on
            // instead of scanning the label; the exact lexicographic condition follows it.
            if (Keys.Length > 1) conditions.Add($"{Keys[0]} >= $k0");
            conditions.Add(AfterCondition(0));
            for (int i = 0; i < Keys.Length; i++) parameters["k" + i] = after[i];
        }
        string where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        return new Neo4jStatement(
            $"{Match}{where} RETURN {string.Join(", ", Columns)} ORDER BY {string.Join(", ", Keys)} LIMIT $limit", parameters);
    }

    /// <summary>
    /// The rows with these change-feed keys. A single key is matched with IN so the unique index is used; compound
    /// keys are matched on the key values joined by '|', as the change feed writes them.
    /// </summary>
    public Neo4jStatement ByKeysStatement(string[] keys)
    {
        string key = Keys.Length == 1 ? $"toString({Keys[0]})" : string.Join(" + '|' + ", Keys.Select(k => $"toString({k})"));
        string where = (Filter is null ? "" : Filter + " AND ") + (Keys.Length == 1 ? $"{Keys[0]} IN $keys" : $"({key}) IN $keys");
        return new Neo4jStatement(
            $"{Match} WHERE {where} RETURN {string.Join(", ", Columns)} ORDER BY {string.Join(", ", Keys)}",
            new Dictionary<string, object?> { ["keys"] = keys });
    }

    /// <summary>For a relationship type, the variable <see cref="Match"/> binds it to (what a removal deletes); null for nodes.</summary>
    public string? Relation { get; init; }

    /// <summary>Deletes the relationships with these change-feed keys (relations only: nodes are never removed).</summary>
    public Neo4jStatement DeleteByKeysStatement(string[] keys)
    {
        string key = string.Join(" + '|' + ", Keys.Select(k => $"toString({k})"));
        string where = (Filter is null ? "" : Filter + " AND ") + $"({key}) IN $keys";
        return new Neo4jStatement($"{Match} WHERE {where} DELETE {Relation}", new Dictionary<string, object?> { ["keys"] = keys });
    }

    // (k0 > $k0 OR (k0 = $k0 AND (k1 > $k1 OR ...))): strictly after the cursor in lexicographic key order.
    private string AfterCondition(int index) =>
        index == Keys.Length - 1
            ? $"{Keys[index]} > $k{index}"
            : $"({Keys[index]} > $k{index} OR ({Keys[index]} = $k{index} AND {AfterCondition(index + 1)}))";
}

/// <summary>The mapping of every domain record type the store holds.</summary>
internal static class Neo4jMappings
{
    private static readonly Dictionary<Type, object> All = new()
    {
        [typeof(Enterprise)] = Neo4jNodeMappings.Enterprise,
        [typeof(Person)] = Neo4jNodeMappings.Person,
        [typeof(Penalty)] = Neo4jNodeMappings.Penalty,
        [typeof(ListEntry)] = Neo4jNodeMappings.ListEntry,
        [typeof(RiskLabel)] = Neo4jNodeMappings.RiskLabel,
        [typeof(LegalRepresentative)] = Neo4jRelationMappings.LegalRepresentative,
        [typeof(Executive)] = Neo4jRelationMappings.Executive,
        [typeof(Shareholding)] = Neo4jRelationMappings.Shareholding,
        [typeof(SupplyLink)] = Neo4jRelationMappings.SupplyLink,
        [typeof(Guarantee)] = Neo4jRelationMappings.Guarantee,
        [typeof(Commitment)] = Neo4jCreditActionMappings.Commitment,
        [typeof(Inspection)] = Neo4jInspectionMapping.Inspection,
        [typeof(PersonListEntry)] = Neo4jInspectionMapping.PersonListEntry,
        [typeof(CreditRepair)] = Neo4jCreditActionMappings.CreditRepair,
        [typeof(Objection)] = Neo4jCreditActionMappings.Objection,
        [typeof(ObjectionOutcome)] = Neo4jCreditActionMappings.ObjectionOutcome,
        [typeof(RiskGraph.Model.Security.ApiKey)] = Neo4jSecurityMappings.ApiKey,
    };

    public static Neo4jMapping<T> For<T>() where T : class =>
        All.TryGetValue(typeof(T), out object? mapping)
            ? (Neo4jMapping<T>)mapping
            : throw new NotSupportedException($"{typeof(T).Name} is not stored in the Neo4j store.");

    public static EnterpriseStatus ParseStatus(string text) => DomainNames.TryParse(text, out EnterpriseStatus v) ? v : throw Corrupt(text);
    public static HolderKind ParseHolder(string text) => DomainNames.TryParse(text, out HolderKind v) ? v : throw Corrupt(text);
    public static PenaltyKind ParsePenalty(string text) => DomainNames.TryParse(text, out PenaltyKind v) ? v : throw Corrupt(text);
    public static ListType ParseList(string text) => DomainNames.TryParse(text, out ListType v) ? v : throw Corrupt(text);

    public static PersonListType ParsePersonList(string text) => DomainNames.TryParse(text, out PersonListType v) ? v : throw Corrupt(text);
    public static InspectionOutcome ParseInspection(string text) => DomainNames.TryParse(text, out InspectionOutcome v) ? v : throw Corrupt(text);
    public static CommitmentType ParseCommitment(string text) => DomainNames.TryParse(text, out CommitmentType v) ? v : throw Corrupt(text);
    public static Fulfilment ParseFulfilment(string text) => DomainNames.TryParse(text, out Fulfilment v) ? v : throw Corrupt(text);
    public static RepairMethod ParseRepair(string text) => DomainNames.TryParse(text, out RepairMethod v) ? v : throw Corrupt(text);
    public static ObjectionResult ParseObjection(string text) => DomainNames.TryParse(text, out ObjectionResult v) ? v : throw Corrupt(text);

    private static InvalidDataException Corrupt(string text) => new($"The Neo4j store holds an unknown value '{text}'.");
}

/// <summary>
/// Pieces of Cypher shared by the mappings. Kept apart from <see cref="Neo4jMappings"/> so that building a mapping
/// never starts the registry's static initialisation half-way through its own.
/// </summary>
internal static class Neo4jCypherText
{
    /// <summary>"v.a = r.a, v.b = r.b": row members and node properties share their names.</summary>
    public static string Sets(string variable, params string[] properties) =>
        string.Join(", ", properties.Select(p => $"{variable}.{p} = r.{p}"));
}
