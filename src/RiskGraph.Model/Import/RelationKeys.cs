using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Import;

/// <summary>
/// Relations to remove, named by their key fields only (amounts and shares are not asked for): the same columns
/// and checks as the import, so a removal can only name what an import could have written.
/// </summary>
internal static class RelationKeys
{
    public static IReadOnlyList<Storage.RowSet> Parse(GraphBatch removals, ImportContext context, ImportOptions options)
    {
        if (removals.Enterprises is { Count: > 0 }) throw new ImportException("remove", 0, 0, "enterprises: enterprises are never removed; send status instead") { Field = "remove.enterprises" };
        if (removals.Persons is { Count: > 0 }) throw new ImportException("remove", 0, 0, "persons: persons are never removed") { Field = "remove.persons" };
        return
        [
            Storage.RowSet.Removing(GraphIngestion.ParseAll(removals.LegalRepresentatives, "remove.legal_representatives", ["id_number", "uscc"], options,
                row => new LegalRepresentative(context.KnownPerson(row, "id_number"), context.KnownEnterprise(row, "uscc")))),
            Storage.RowSet.Removing(GraphIngestion.ParseAll(removals.Executives, "remove.executives", ["id_number", "uscc", "title"], options,
                row => new Executive(context.KnownPerson(row, "id_number"), context.KnownEnterprise(row, "uscc"), row.Text("title")))),
            Storage.RowSet.Removing(GraphIngestion.ParseAll(removals.Shareholdings, "remove.shareholdings", ["holder_type", "holder_id", "uscc"], options,
                row =>
                {
                    var kind = row.Enum<HolderKind>("holder_type", DomainNames.TryParse, DomainNames.AllHolderKinds);
                    string holder = kind == HolderKind.Person ? context.KnownPerson(row, "holder_id") : context.KnownEnterprise(row, "holder_id");
                    return new Shareholding(kind, holder, context.KnownEnterprise(row, "uscc"), 0);
                })),
            Storage.RowSet.Removing(GraphIngestion.ParseAll(removals.SupplyLinks, "remove.supply_links", ["supplier_uscc", "buyer_uscc"], options,
                row => new SupplyLink(context.KnownEnterprise(row, "supplier_uscc"), context.KnownEnterprise(row, "buyer_uscc"), 0))),
            Storage.RowSet.Removing(GraphIngestion.ParseAll(removals.Guarantees, "remove.guarantees", ["guarantor_uscc", "guaranteed_uscc"], options,
                row => new Guarantee(context.KnownEnterprise(row, "guarantor_uscc"), context.KnownEnterprise(row, "guaranteed_uscc"), 0))),
        ];
    }
}
