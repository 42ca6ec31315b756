using RiskGraph.Model.Identity;

namespace RiskGraph.Model.Import;

/// <summary>What the importer knows while validating references: the keys already stored or just imported.</summary>
internal sealed class ImportContext(PersonKeyHasher hasher, ImportOptions options, HashSet<string> enterprises, HashSet<string> persons)
{
    public ImportOptions Options { get; } = options;
    public PersonKeyHasher Hasher { get; } = hasher;
    public HashSet<string> Enterprises { get; } = enterprises;
    public HashSet<string> Persons { get; } = persons;

    public string KnownEnterprise(CsvRow row, string column)
    {
        string uscc = row.Uscc(column);
        return Enterprises.Contains(uscc) ? uscc : throw row.Error(column, $"unknown enterprise {uscc}");
    }

    public string KnownPerson(CsvRow row, string column)
    {
        string id = ValidIdNumber(row, column);
        string key = Hasher.KeyOf(id);
        // The ID number itself is never echoed: the error shows it masked.
        return Persons.Contains(key) ? key : throw row.Error(column, $"unknown person {PersonKeyHasher.Mask(id)}");
    }

    public static string ValidIdNumber(CsvRow row, string column)
    {
        string id = row.Text(column).ToUpperInvariant();
        string? problem = ResidentIdNumber.Validate(id);
        return problem is null ? id : throw row.Error(column, $"{PersonKeyHasher.Mask(id)} is not a valid ID number: {problem}");
    }
}
