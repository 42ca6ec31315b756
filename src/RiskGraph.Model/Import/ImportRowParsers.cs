using RiskGraph.Model.Domain;
using RiskGraph.Model.Identity;

namespace RiskGraph.Model.Import;

/// <summary>One parser per import file: a CSV row to a domain record, validating every field.</summary>
internal static class ImportRowParsers
{
    private const double MaxAmount = 1e15;

    public static Enterprise Enterprise(CsvRow row, ImportContext context)
    {
        string industry = row.Text("industry");
        if (industry.Length != 3 || !char.IsAsciiLetterUpper(industry[0]) || !char.IsAsciiDigit(industry[1]) || !char.IsAsciiDigit(industry[2]))
            throw row.Error("industry", $"'{CsvRow.Cut(industry)}' is not a GB/T 4754 section letter and 2-digit division, e.g. C36");
        string region = row.Text("region");
        if (region.Length != 6 || !region.All(char.IsAsciiDigit))
            throw row.Error("region", $"'{CsvRow.Cut(region)}' is not a 6-digit administrative division code");
        return new Enterprise(
            row.Uscc("uscc"), row.OptionalText("registration_no"), row.Text("name"), industry, region,
            row.OptionalEventDate("founded"), row.Number("registered_capital", 0, MaxAmount),
            row.Enum<EnterpriseStatus>("status", DomainNames.TryParse, DomainNames.AllStatuses));
    }

    public static Person Person(CsvRow row, ImportContext context)
    {
        string id = ImportContext.ValidIdNumber(row, "id_number");
        return new Person(context.Hasher.KeyOf(id), row.Text("name"), PersonKeyHasher.Mask(id));
    }

    public static LegalRepresentative LegalRepresentative(CsvRow row, ImportContext context) =>
        new(context.KnownPerson(row, "id_number"), context.KnownEnterprise(row, "uscc"));

    public static Executive Executive(CsvRow row, ImportContext context) =>
        new(context.KnownPerson(row, "id_number"), context.KnownEnterprise(row, "uscc"), row.Text("title"));

    public static Shareholding Shareholding(CsvRow row, ImportContext context)
    {
        var kind = row.Enum<HolderKind>("holder_type", DomainNames.TryParse, DomainNames.AllHolderKinds);
        string holder = kind == HolderKind.Person ? context.KnownPerson(row, "holder_id") : context.KnownEnterprise(row, "holder_id");
        string uscc = context.KnownEnterprise(row, "uscc");
        if (holder == uscc) throw row.Error("holder_id", "an enterprise cannot hold shares in itself");
        return new Shareholding(kind, holder, uscc, row.Number("share", 0, 1, minExclusive: true));
    }

    public static SupplyLink SupplyLink(CsvRow row, ImportContext context) =>
        new(context.KnownEnterprise(row, "supplier_uscc"), context.KnownEnterprise(row, "buyer_uscc"), row.Number("annual_amount", 0, MaxAmount));

    public static Guarantee Guarantee(CsvRow row, ImportContext context) =>
        new(context.KnownEnterprise(row, "guarantor_uscc"), context.KnownEnterprise(row, "guaranteed_uscc"), row.Number("amount", 0, MaxAmount));

    public static Penalty Penalty(CsvRow row, ImportContext context)
    {
        var decided = row.EventDate("decision_date");
        var published = row.EventDate("publication_date");
        if (published < decided) throw row.Error("publication_date", "is before the decision date");
        return new Penalty(
            row.Text("record_id"), context.KnownEnterprise(row, "uscc"),
            row.Enum<PenaltyKind>("kind", DomainNames.TryParse, DomainNames.AllPenaltyKinds),
            row.Number("amount", 0, MaxAmount), decided, published, row.Text("department"), row.OptionalText("catalogue_item"));
    }

    public static ListEntry ListEntry(CsvRow row, ImportContext context)
    {
        var from = row.EventDate("valid_from");
        var to = row.OptionalDate("valid_to");
        if (to < from) throw row.Error("valid_to", "is before valid_from");
        return new ListEntry(
            row.Text("record_id"), context.KnownEnterprise(row, "uscc"),
            row.Enum<ListType>("list_type", DomainNames.TryParse, DomainNames.AllListTypes), from, to, row.Text("department"),
            row.OptionalText("legal_basis"), row.OptionalText("catalogue_item"));
    }

    public static Commitment Commitment(CsvRow row, ImportContext context) =>
        new(row.Text("commitment_id"), context.KnownEnterprise(row, "uscc"),
            row.Enum<CommitmentType>("type", DomainNames.TryParse, DomainNames.AllCommitmentTypes), row.Text("matter"), row.EventDate("made_on"),
            row.Enum<Fulfilment>("fulfilment", DomainNames.TryParse, DomainNames.AllFulfilments), row.Text("department"));

    public static RiskLabel Label(CsvRow row, ImportContext context)
    {
        string uscc = context.KnownEnterprise(row, "uscc");
        return row.Text("label") switch
        {
            "1" => new RiskLabel(uscc, true),
            "0" => new RiskLabel(uscc, false),
            var other => throw row.Error("label", $"'{CsvRow.Cut(other)}' is not 0 or 1"),
        };
    }
}
