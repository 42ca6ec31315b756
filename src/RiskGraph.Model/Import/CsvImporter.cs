using RiskGraph.Model.Domain;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Import;

/// <summary>
/// Loads a folder of CSV files (schema: data/synthetic/README.md) into a store, entities before the relations
/// and records that refer to them. Each file is one transaction; the first bad file stops the import with an
/// <see cref="ImportException"/>, leaving earlier files stored and nothing of the bad one. Re-running is idempotent.
/// </summary>
public sealed class CsvImporter(IGraphStore store, PersonKeyHasher hasher)
{
    public static IReadOnlyList<string> FileNames => Files.Select(f => f.Name).ToArray();

    private static readonly ImportFile[] Files =
    [
        new ImportFile<Enterprise>("enterprises.csv",
            ["uscc", "name", "industry", "region", "founded", "registered_capital", "status"],
            ImportRowParsers.Enterprise, (e, c) => c.Enterprises.Add(e.Uscc)),
        new ImportFile<Person>("persons.csv", ["id_number", "name"], ImportRowParsers.Person, (p, c) => c.Persons.Add(p.PersonKey)),
        new ImportFile<LegalRepresentative>("legal_representatives.csv", ["id_number", "uscc"], ImportRowParsers.LegalRepresentative),
        new ImportFile<Executive>("executives.csv", ["id_number", "uscc", "title"], ImportRowParsers.Executive),
        new ImportFile<Shareholding>("shareholdings.csv", ["holder_type", "holder_id", "uscc", "share"], ImportRowParsers.Shareholding),
        new ImportFile<SupplyLink>("supply_links.csv", ["supplier_uscc", "buyer_uscc", "annual_amount"], ImportRowParsers.SupplyLink),
        new ImportFile<Guarantee>("guarantees.csv", ["guarantor_uscc", "guaranteed_uscc", "amount"], ImportRowParsers.Guarantee),
        new ImportFile<Penalty>("penalties.csv",
            ["record_id", "uscc", "kind", "amount", "decision_date", "publication_date", "department"], ImportRowParsers.Penalty),
        new ImportFile<ListEntry>("list_entries.csv",
            ["record_id", "uscc", "list_type", "valid_from", "valid_to", "department"], ImportRowParsers.ListEntry),
        new ImportFile<Commitment>("commitments.csv",
            ["commitment_id", "uscc", "type", "matter", "made_on", "fulfilment", "department"], ImportRowParsers.Commitment),
        new ImportFile<RiskLabel>("labels.csv", ["uscc", "label"], ImportRowParsers.Label),
        new ImportFile<Inspection>("inspections.csv",
            ["inspection_id", "uscc", "inspected_on", "outcome", "department", "inspectors"], SupervisionRowParsers.Inspection),
        new ImportFile<PersonListEntry>("person_list_entries.csv",
            ["record_id", "id_number", "list_type", "valid_from", "valid_to", "department"], SupervisionRowParsers.PersonListEntry),
    ];

    /// <summary>Imports every known file present in <paramref name="folder"/>; at least enterprises.csv must be there or already stored.</summary>
    public async Task<IReadOnlyList<ImportedFile>> ImportFolderAsync(
        string folder, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No folder {folder}.");
        await store.InitializeAsync(cancellationToken);
        var context = new ImportContext(hasher, await KeysAsync<Enterprise>(e => e.Uscc, cancellationToken),
            await KeysAsync<Person>(p => p.PersonKey, cancellationToken));

        var imported = new List<ImportedFile>();
        foreach (var file in Files)
        {
            string path = Path.Combine(folder, file.Name);
            if (!File.Exists(path)) continue;
            imported.Add(await file.ImportAsync(path, store, context, progress, cancellationToken));
        }
        if (imported.Count == 0)
            throw new FileNotFoundException($"{folder} holds none of the import files ({string.Join(", ", FileNames)}).");
        return imported;
    }

    private async Task<HashSet<string>> KeysAsync<T>(Func<T, string> key, CancellationToken cancellationToken) where T : class
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in store.ReadAllAsync<T>(cancellationToken)) keys.Add(key(row));
        return keys;
    }
}
