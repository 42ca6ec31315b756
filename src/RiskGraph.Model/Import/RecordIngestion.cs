using RiskGraph.Model.Domain;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Import;

/// <summary>Records sent to the ingestion API: per kind, objects whose fields are the CSV file's columns.</summary>
public sealed record RecordBatch(
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? Penalties,
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? ListEntries,
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? Commitments);

/// <summary>What an ingestion stored: counts by effect and the change-feed sequence of the write.</summary>
public sealed record IngestionResult(int Created, int Updated, int Unchanged, long Sequence);

/// <summary>
/// Ingestion of penalties, list entries (a list exit is the entry sent again with valid_to) and commitments
/// (fulfilment updates the same way): validated by the CSV import's own parsers, the whole batch before anything is
/// stored, then written in one transaction. Idempotent by record id: a record sent again unchanged writes nothing.
/// </summary>
public static class RecordIngestion
{
    public const int MaxRecords = 10_000;

    public static readonly string[] PenaltyFields =
        ["record_id", "uscc", "kind", "amount", "decision_date", "publication_date", "department", "catalogue_item"];

    public static readonly string[] ListEntryFields =
        ["record_id", "uscc", "list_type", "valid_from", "valid_to", "department", "legal_basis", "catalogue_item"];

    public static readonly string[] CommitmentFields = ["commitment_id", "uscc", "type", "matter", "made_on", "fulfilment", "department"];

    /// <summary>Every record parsed; the first bad field throws an <see cref="ImportException"/> whose Field names it.</summary>
    /// <param name="enterpriseExists">Whether the store holds an enterprise: records may only be about known ones.</param>
    /// <param name="resolver">Resolves registration numbers and names given for a USCC (see <see cref="NeedsResolver"/>); null: USCCs only.</param>
    public static (Penalty[] Penalties, ListEntry[] ListEntries, Commitment[] Commitments) Parse(
        RecordBatch batch, Func<string, bool> enterpriseExists, PersonKeyHasher hasher, ImportOptions options, EnterpriseResolver? resolver = null)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var records in new[] { batch.Penalties, batch.ListEntries, batch.Commitments })
        {
            foreach (var record in records ?? [])
            {
                if (record.TryGetValue("uscc", out string? uscc) && uscc is not null && enterpriseExists(uscc.Trim())) known.Add(uscc.Trim());
            }
        }
        var context = new ImportContext(hasher, options, known, [], resolver);
        return (
            ParseAll(batch.Penalties, "penalties", PenaltyFields, options, row => ImportRowParsers.Penalty(row, context), p => p.RecordId),
            ParseAll(batch.ListEntries, "list_entries", ListEntryFields, options, row => ImportRowParsers.ListEntry(row, context), l => l.RecordId),
            ParseAll(batch.Commitments, "commitments", CommitmentFields, options, row => ImportRowParsers.Commitment(row, context), c => c.CommitmentId));
    }

    /// <summary>Whether some record names its enterprise otherwise than by a USCC (a registration number, a name).</summary>
    public static bool NeedsResolver(RecordBatch batch)
    {
        foreach (var records in new[] { batch.Penalties, batch.ListEntries, batch.Commitments })
            foreach (var record in records ?? [])
            {
                if (record.ContainsKey("registration_no")) return true;
                if (record.TryGetValue("uscc", out string? uscc) && uscc is not null && Domain.Uscc.Validate(uscc.Trim()) is not null) return true;
            }
        return false;
    }

    /// <summary>
    /// Stores the records that are new or differ from what <paramref name="existing"/> holds, in one transaction.
    /// </summary>
    /// <param name="existing">The stored record with the given record's id, or null.</param>
    public static async Task<IngestionResult> StoreAsync(
        IGraphStore store, (Penalty[] Penalties, ListEntry[] ListEntries, Commitment[] Commitments) records, Func<object, object?> existing,
        CancellationToken cancellationToken = default)
    {
        int created = 0, updated = 0, unchanged = 0;
        List<T> Changed<T>(IEnumerable<T> rows) where T : class
        {
            var changed = new List<T>();
            foreach (var row in rows)
            {
                var stored = existing(row);
                if (stored is null) created++;
                else if (stored.Equals(row)) { unchanged++; continue; }
                else updated++;
                changed.Add(row);
            }
            return changed;
        }
        var sets = new[]
        {
            RowSet.Of(Changed(records.Penalties)),
            RowSet.Of(Changed(records.ListEntries)),
            RowSet.Of(Changed(records.Commitments)),
        };
        long sequence = await store.UpsertManyAsync(sets, cancellationToken);
        return new IngestionResult(created, updated, unchanged, sequence);
    }

    private static T[] ParseAll<T>(
        IReadOnlyList<IReadOnlyDictionary<string, string?>>? records, string name, string[] fields, ImportOptions options,
        Func<CsvRow, T> parse, Func<T, string> idOf)
    {
        if (records is null) return [];
        var source = new RecordSource(name, fields, options);
        var parsed = new List<T>(records.Count);
        var seen = new Dictionary<string, (int Index, T Record)>(StringComparer.Ordinal);
        for (int i = 0; i < records.Count; i++)
        {
            var record = parse(source.Row(i, records[i]));
            string id = idOf(record);
            // The same id twice in one batch is ambiguous unless both say the same; then it is one record.
            if (seen.TryGetValue(id, out var first))
            {
                if (!Equals(first.Record, record)) throw source.Error(i, fields[0], $"'{CsvRow.Cut(id)}' is also {name}[{first.Index}] with other content");
                continue;
            }
            seen.Add(id, (i, record));
            parsed.Add(record);
        }
        return parsed.ToArray();
    }
}
