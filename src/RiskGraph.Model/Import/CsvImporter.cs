using RiskGraph.Model.Domain;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Import;

/// <summary>
/// Loads a folder of CSV files (schema: data/synthetic/README.md) into a store, entities before the relations
/// and records that refer to them. Each file is one transaction; the first bad file stops the import with an
/// <see cref="ImportException"/>, leaving earlier files stored and nothing of the bad one. Re-running is idempotent.
/// Files that are not in the expected encoding or break the line limit stop the import before anything is written.
/// </summary>
public sealed class CsvImporter(IGraphStore store, PersonKeyHasher hasher, ImportOptions? options = null)
{
    private readonly ImportOptions _options = options ?? new ImportOptions();

    /// <summary>After an import: the references given by registration number or name, with the USCC, rule and confidence they resolved to.</summary>
    public IReadOnlyList<EntityMatch> Resolutions { get; private set; } = [];

    public static IReadOnlyList<string> FileNames => Files.Select(f => f.Name).ToArray();

    private static readonly ImportFile[] Files =
    [
        new ImportFile<Enterprise>("enterprises.csv",
            ["uscc", "name", "industry", "region", "founded", "registered_capital", "status"],
            ImportRowParsers.Enterprise, e => e.Uscc, "uscc", (e, c) =>
            {
                c.Enterprises.Add(e.Uscc);
                c.Resolver?.Add(e.Uscc, e.Name, e.RegistrationNo);
            }),
        new ImportFile<Person>("persons.csv", ["id_number", "name"], ImportRowParsers.Person, p => p.PersonKey, "id_number",
            (p, c) => c.Persons.Add(p.PersonKey), shownKey: p => $"ID number {p.MaskedId}"),
        new ImportFile<LegalRepresentative>("legal_representatives.csv", ["id_number", "uscc"], ImportRowParsers.LegalRepresentative,
            l => Key(l.Uscc, l.PersonKey), "uscc"),
        new ImportFile<Executive>("executives.csv", ["id_number", "uscc", "title"], ImportRowParsers.Executive,
            x => Key(x.Uscc, x.PersonKey, x.Title), "uscc"),
        new ImportFile<Shareholding>("shareholdings.csv", ["holder_type", "holder_id", "uscc", "share"], ImportRowParsers.Shareholding,
            s => Key(s.Uscc, s.HolderKey), "holder_id", check: ShareSums.CheckAsync, shownKey: s => $"the holding in {s.Uscc}"),
        new ImportFile<SupplyLink>("supply_links.csv", ["supplier_uscc", "buyer_uscc", "annual_amount"], ImportRowParsers.SupplyLink,
            s => Key(s.SupplierUscc, s.BuyerUscc), "supplier_uscc", shownKey: s => $"the link {s.SupplierUscc} -> {s.BuyerUscc}"),
        new ImportFile<Guarantee>("guarantees.csv", ["guarantor_uscc", "guaranteed_uscc", "amount"], ImportRowParsers.Guarantee,
            g => Key(g.GuarantorUscc, g.GuaranteedUscc), "guarantor_uscc", shownKey: g => $"the guarantee {g.GuarantorUscc} -> {g.GuaranteedUscc}"),
        new ImportFile<Penalty>("penalties.csv",
            ["record_id", "uscc", "kind", "amount", "decision_date", "publication_date", "department"], ImportRowParsers.Penalty,
            p => p.RecordId, "record_id"),
        new ImportFile<ListEntry>("list_entries.csv",
            ["record_id", "uscc", "list_type", "valid_from", "valid_to", "department"], ImportRowParsers.ListEntry, l => l.RecordId, "record_id"),
        new ImportFile<Commitment>("commitments.csv",
            ["commitment_id", "uscc", "type", "matter", "made_on", "fulfilment", "department"], ImportRowParsers.Commitment,
            c => c.CommitmentId, "commitment_id"),
        new ImportFile<RiskLabel>("labels.csv", ["uscc", "label"], ImportRowParsers.Label, l => l.Uscc, "uscc"),
        new ImportFile<Inspection>("inspections.csv",
            ["inspection_id", "uscc", "inspected_on", "outcome", "department", "inspectors"], SupervisionRowParsers.Inspection,
            i => i.InspectionId, "inspection_id"),
        new ImportFile<PersonListEntry>("person_list_entries.csv",
            ["record_id", "id_number", "list_type", "valid_from", "valid_to", "department"], SupervisionRowParsers.PersonListEntry,
            p => p.RecordId, "record_id"),
    ];

    /// <summary>Imports every known file present in <paramref name="folder"/>; at least enterprises.csv must be there or already stored.</summary>
    public async Task<IReadOnlyList<ImportedFile>> ImportFolderAsync(
        string folder, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No folder {folder}.");
        _options.Validate();
        var present = Files.Where(f => File.Exists(Path.Combine(folder, f.Name))).ToArray();
        if (present.Length == 0)
            throw new FileNotFoundException($"{folder} holds none of the import files ({string.Join(", ", FileNames)}).");
        // Encoding and line length are checked on every file before the first is written: a department's export
        // in the wrong encoding is usually all of its files, and half an import of it is worse than none.
        foreach (var file in present)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                CsvTable.Scan(Path.Combine(folder, file.Name), _options);
            }
            catch (ImportException e)
            {
                e.BeforeAnyWrite = true;
                throw;
            }
        }
        await store.InitializeAsync(cancellationToken);
        var stored = new List<Enterprise>();
        await foreach (var e in store.ReadAllAsync<Enterprise>(cancellationToken)) stored.Add(e);
        var context = new ImportContext(hasher, _options, stored.Select(e => e.Uscc).ToHashSet(StringComparer.Ordinal),
            await KeysAsync<Person>(p => p.PersonKey, cancellationToken), new EnterpriseResolver(stored));

        var imported = new List<ImportedFile>();
        foreach (var file in present)
            imported.Add(await file.ImportAsync(Path.Combine(folder, file.Name), store, context, progress, cancellationToken));
        Resolutions = context.Resolutions;
        return imported;
    }

    // Unit separator: cannot occur in a field (control characters are refused), so joined keys never collide.
    private static string Key(params string[] parts) => string.Join('\u001f', parts);

    private async Task<HashSet<string>> KeysAsync<T>(Func<T, string> key, CancellationToken cancellationToken) where T : class
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in store.ReadAllAsync<T>(cancellationToken)) keys.Add(key(row));
        return keys;
    }
}
