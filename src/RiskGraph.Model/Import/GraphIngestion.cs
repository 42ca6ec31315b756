using RiskGraph.Model.Domain;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Import;

/// <summary>Rows sent to the ingestion API by kind, each an object whose fields are the CSV file's columns.</summary>
public sealed record GraphBatch(
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? Enterprises = null,
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? Persons = null,
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? LegalRepresentatives = null,
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? Executives = null,
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? Shareholdings = null,
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? SupplyLinks = null,
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? Guarantees = null)
{
    public int Count =>
        (Enterprises?.Count ?? 0) + (Persons?.Count ?? 0) + (LegalRepresentatives?.Count ?? 0) + (Executives?.Count ?? 0)
        + (Shareholdings?.Count ?? 0) + (SupplyLinks?.Count ?? 0) + (Guarantees?.Count ?? 0);
}

/// <summary>
/// Ingestion of enterprises, persons and relations through the API, with the CSV import's parsers and checks (share
/// sums, references to stored or same-batch enterprises and persons). Relations named under <c>remove</c> are removed
/// by their keys (only the key fields are read). Everything is validated before anything is stored, then written
/// in one transaction; rows sent again unchanged write nothing.
/// </summary>
public static class GraphIngestion
{
    public const int MaxRows = 10_000;

    public static readonly string[] EnterpriseFields = ["uscc", "registration_no", "name", "industry", "region", "founded", "registered_capital", "status"];
    public static readonly string[] PersonFields = ["id_number", "name"];
    public static readonly string[] LegalRepresentativeFields = ["id_number", "uscc"];
    public static readonly string[] ExecutiveFields = ["id_number", "uscc", "title"];
    public static readonly string[] ShareholdingFields = ["holder_type", "holder_id", "uscc", "share"];
    public static readonly string[] SupplyLinkFields = ["supplier_uscc", "buyer_uscc", "annual_amount"];
    public static readonly string[] GuaranteeFields = ["guarantor_uscc", "guaranteed_uscc", "amount"];

    /// <summary>The rows of a batch, parsed: what to write and what to remove.</summary>
    public sealed record Parsed(IReadOnlyList<RowSet> Writes, IReadOnlyList<RowSet> Removals, IReadOnlyList<object> Rows);

    /// <summary>Parses and checks the whole request; the first problem throws an <see cref="ImportException"/> whose Field names it.</summary>
    public static async Task<Parsed> ParseAsync(
        GraphBatch upserts, GraphBatch? removals, IGraphStore store, PersonKeyHasher hasher, ImportOptions options, CancellationToken cancellationToken)
    {
        var context = new ImportContext(hasher, options,
            await KnownAsync<Enterprise>(store, UsccsIn(upserts, removals), e => e.Uscc, cancellationToken),
            await KnownAsync<Person>(store, PersonKeysIn(upserts, removals, hasher), p => p.PersonKey, cancellationToken));
        var enterprises = ParseAll(upserts.Enterprises, "enterprises", EnterpriseFields, options, row => ImportRowParsers.Enterprise(row, context));
        foreach (var e in enterprises) context.Enterprises.Add(e.Uscc);
        var persons = ParseAll(upserts.Persons, "persons", PersonFields, options, row => ImportRowParsers.Person(row, context));
        foreach (var p in persons) context.Persons.Add(p.PersonKey);
        var shareholdings = ParseAll(upserts.Shareholdings, "shareholdings", ShareholdingFields, options, row => ImportRowParsers.Shareholding(row, context));
        var source = new RecordSource("shareholdings", ShareholdingFields, options);
        await ShareSums.CheckAsync(shareholdings, Enumerable.Range(0, shareholdings.Length).ToArray(), source.Error, store, cancellationToken);
        var writes = new List<object>();
        var sets = new List<RowSet>
        {
            Set(enterprises, writes), Set(persons, writes),
            Set(ParseAll(upserts.LegalRepresentatives, "legal_representatives", LegalRepresentativeFields, options,
                row => ImportRowParsers.LegalRepresentative(row, context)), writes),
            Set(ParseAll(upserts.Executives, "executives", ExecutiveFields, options, row => ImportRowParsers.Executive(row, context)), writes),
            Set(shareholdings, writes),
            Set(ParseAll(upserts.SupplyLinks, "supply_links", SupplyLinkFields, options, row => ImportRowParsers.SupplyLink(row, context)), writes),
            Set(ParseAll(upserts.Guarantees, "guarantees", GuaranteeFields, options, row => ImportRowParsers.Guarantee(row, context)), writes),
        };
        return new Parsed(sets, removals is null ? [] : RelationKeys.Parse(removals, context, options), writes);
    }

    /// <summary>Writes and removes in one transaction; returns the change-feed sequence (the latest when nothing changed).</summary>
    public static Task<long> StoreAsync(IGraphStore store, Parsed parsed, CancellationToken cancellationToken) =>
        store.UpsertManyAsync([.. parsed.Writes, .. parsed.Removals], cancellationToken);

    internal static T[] ParseAll<T>(
        IReadOnlyList<IReadOnlyDictionary<string, string?>>? rows, string name, string[] fields, ImportOptions options, Func<CsvRow, T> parse)
    {
        if (rows is null) return [];
        var source = new RecordSource(name, fields, options);
        var parsed = new T[rows.Count];
        for (int i = 0; i < rows.Count; i++) parsed[i] = parse(source.Row(i, rows[i]));
        return parsed;
    }

    private static RowSet Set<T>(T[] rows, List<object> all) where T : class
    {
        all.AddRange(rows);
        return RowSet.Of(rows);
    }

    private static async Task<HashSet<string>> KnownAsync<T>(
        IGraphStore store, HashSet<string> keys, Func<T, string> keyOf, CancellationToken cancellationToken) where T : class
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in await store.ReadByKeysAsync<T>([.. keys], cancellationToken)) known.Add(keyOf(row));
        return known;
    }

    // Every value that may name an enterprise: the stored ones among them are what references may point at.
    private static HashSet<string> UsccsIn(params GraphBatch?[] batches)
    {
        var usccs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            if (batch is null) continue;
            foreach (var rows in new[] { batch.LegalRepresentatives, batch.Executives, batch.Shareholdings, batch.SupplyLinks, batch.Guarantees })
            {
                foreach (var row in rows ?? [])
                {
                    foreach (var (_, value) in row)
                    {
                        if (value is { Length: 18 }) usccs.Add(value.Trim().ToUpperInvariant());
                    }
                }
            }
        }
        return usccs;
    }

    private static HashSet<string> PersonKeysIn(GraphBatch upserts, GraphBatch? removals, PersonKeyHasher hasher)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in new[] { upserts, removals })
        {
            if (batch is null) continue;
            foreach (var rows in new[] { batch.LegalRepresentatives, batch.Executives, batch.Shareholdings })
            {
                foreach (var row in rows ?? [])
                {
                    foreach (string field in new[] { "id_number", "holder_id" })
                    {
                        if (row.TryGetValue(field, out string? id) && id is { Length: 18 } && ResidentIdNumber.Validate(id.Trim().ToUpperInvariant()) is null)
                            keys.Add(hasher.KeyOf(id.Trim().ToUpperInvariant()));
                    }
                }
            }
        }
        return keys;
    }
}
