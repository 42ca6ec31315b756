using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Import;

/// <summary>Rows of inspections.csv and person_list_entries.csv (kept apart from the older files' parsers).</summary>
internal static class SupervisionRowParsers
{
    public static Inspection Inspection(CsvRow row, ImportContext context)
    {
        // Inspectors are listed with ';' in the CSV (the store keeps them comma-separated, as the API returns them split).
        string inspectors = string.Join(",", row.Text("inspectors").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (inspectors.Length == 0) throw row.Error("inspectors", "name at least one inspector, separated by ';'");
        return new Inspection(row.Text("inspection_id"), context.KnownEnterprise(row, "uscc"), row.Date("inspected_on"),
            row.Enum<InspectionOutcome>("outcome", DomainNames.TryParse, DomainNames.AllInspectionOutcomes), row.Text("department"), inspectors,
            row.OptionalText("note"), row.OptionalText("plan_id"));
    }

    /// <summary>The person need not be in persons.csv: a listed debtor may be linked to no enterprise. Only the keyed hash is kept.</summary>
    public static PersonListEntry PersonListEntry(CsvRow row, ImportContext context)
    {
        var from = row.Date("valid_from");
        var to = row.OptionalDate("valid_to");
        if (to < from) throw row.Error("valid_to", "is before valid_from");
        return new PersonListEntry(row.Text("record_id"), context.Hasher.KeyOf(ImportContext.ValidIdNumber(row, "id_number")),
            row.Enum<PersonListType>("list_type", DomainNames.TryParse, DomainNames.AllPersonListTypes), from, to, row.Text("department"),
            row.OptionalText("legal_basis"));
    }
}
