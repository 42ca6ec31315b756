namespace RiskGraph.Training.Synthetic;

/// <summary>Rows written per file (header excluded) and the share of positive labels.</summary>
public sealed record SyntheticSummary(
    int Enterprises,
    int Persons,
    int LegalRepresentatives,
    int Executives,
    int Shareholdings,
    int SupplyLinks,
    int Guarantees,
    int Penalties,
    int ListEntries,
    int PositiveLabels)
{
    /// <summary>labels.csv has one row per enterprise.</summary>
    public int Labels => Enterprises;

    /// <summary>Rows of commitments.csv.</summary>
    public int Commitments { get; init; }

    public double LabelRate => Enterprises == 0 ? 0 : (double)PositiveLabels / Enterprises;

    /// <summary>File name and row count, in the order the files are listed in the schema README.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> RowsPerFile =>
    [
        new(SyntheticFiles.Enterprises, Enterprises),
        new(SyntheticFiles.Persons, Persons),
        new(SyntheticFiles.LegalRepresentatives, LegalRepresentatives),
        new(SyntheticFiles.Executives, Executives),
        new(SyntheticFiles.Shareholdings, Shareholdings),
        new(SyntheticFiles.SupplyLinks, SupplyLinks),
        new(SyntheticFiles.Guarantees, Guarantees),
        new(SyntheticFiles.Penalties, Penalties),
        new(SyntheticFiles.ListEntries, ListEntries),
        new(SyntheticFiles.Labels, Labels),
        new(SyntheticFiles.Commitments, Commitments),
    ];
}

/// <summary>The file names of data/synthetic/README.md.</summary>
public static class SyntheticFiles
{
    public const string Enterprises = "enterprises.csv";
    public const string Persons = "persons.csv";
    public const string LegalRepresentatives = "legal_representatives.csv";
    public const string Executives = "executives.csv";
    public const string Shareholdings = "shareholdings.csv";
    public const string SupplyLinks = "supply_links.csv";
    public const string Guarantees = "guarantees.csv";
    public const string Penalties = "penalties.csv";
    public const string ListEntries = "list_entries.csv";
    public const string Labels = "labels.csv";
    public const string Commitments = "commitments.csv";

    public static IReadOnlyList<string> All { get; } =
        [Enterprises, Persons, LegalRepresentatives, Executives, Shareholdings, SupplyLinks, Guarantees, Penalties, ListEntries, Labels, Commitments];
}
