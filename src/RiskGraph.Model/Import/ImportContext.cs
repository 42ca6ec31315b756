using RiskGraph.Model.Identity;

namespace RiskGraph.Model.Import;

/// <summary>
/// What the importer knows while validating references: the keys already stored or just imported and, with a
/// <see cref="EnterpriseResolver"/>, the registration numbers and names that may stand where a USCC is expected.
/// </summary>
internal sealed class ImportContext(
    PersonKeyHasher hasher, ImportOptions options, HashSet<string> enterprises, HashSet<string> persons, EnterpriseResolver? resolver = null)
{
    public EnterpriseResolver? Resolver { get; } = resolver;

    /// <summary>References resolved by registration number or name, with their rule and confidence.</summary>
    public List<EntityMatch> Resolutions { get; } = [];

    public ImportOptions Options { get; } = options;
    public PersonKeyHasher Hasher { get; } = hasher;
    public HashSet<string> Enterprises { get; } = enterprises;
    public HashSet<string> Persons { get; } = persons;

    public string KnownEnterprise(CsvRow row, string column)
    {
        string text = row.Text(column);
        if (Resolver is not null && Domain.Uscc.Validate(text) is not null && (EnterpriseResolver.IsRegistrationNumber(text) || NamesSomething(text)))
            return Resolve(row, column, text);
        string uscc = row.Uscc(column);
        return Enterprises.Contains(uscc) ? uscc : throw row.Error(column, $"unknown enterprise {uscc}");
    }

    /// <summary>A registration number or a name in a USCC field: used only when it points at one enterprise with confidence.</summary>
    private string Resolve(CsvRow row, string column, string text)
    {
        var match = Resolver!.Resolve(text);
        string candidates = string.Join(", ", match.Candidates.Take(5));
        switch (match.Outcome)
        {
            case MatchOutcome.Matched:
                Resolutions.Add(match);
                return match.Uscc!;
            case MatchOutcome.Ambiguous:
                throw row.Error(column, $"'{CsvRow.Cut(text)}' is ambiguous: {match.Rule} matches {match.Candidates.Count} enterprises ({candidates}); not merged, give the USCC");
            case MatchOutcome.Review:
                throw row.Error(column, $"'{CsvRow.Cut(text)}' matches {candidates} only by {match.Rule} (confidence {match.Confidence:0.##}); not merged, give the USCC");
            default:
                throw row.Error(column, EnterpriseResolver.IsRegistrationNumber(text)
                    ? $"unknown registration number {text}" : $"no enterprise is named '{CsvRow.Cut(text)}'");
        }
    }

    /// <summary>Chinese characters: a name, not a mistyped code (full-width digits are a mistyped code and get the USCC error).</summary>
    private static bool NamesSomething(string text)
    {
        foreach (char c in text)
            if (c is >= '\u4E00' and <= '\u9FFF') return true;
        return false;
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
