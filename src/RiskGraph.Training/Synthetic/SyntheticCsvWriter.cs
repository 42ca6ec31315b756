using RiskGraph.Model.Domain;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Writes the ten files of data/synthetic/README.md from the generated world, streaming row by row.
/// Display names and the presence of legacy registration numbers are drawn here, from their own stream, in id order.
/// </summary>
internal static class SyntheticCsvWriter
{
    // Registration numbers were replaced by the USCC from October 2015; older firms often still carry one.
    private static readonly int UsccIntroduced = new DateOnly(2015, 10, 1).DayNumber;

    public static SyntheticSummary Write(
        SyntheticWorld world, RegistrationNumbers registration, string outDir, Random names, IProgress<string>? progress)
    {
        int enterprises = WriteEnterprises(world, registration, Path.Combine(outDir, SyntheticFiles.Enterprises), names);
        progress?.Report($"wrote {SyntheticFiles.Enterprises} ({enterprises:N0} rows)");
        int persons = WritePersons(world, Path.Combine(outDir, SyntheticFiles.Persons), names);
        var checks = new char[world.PersonCount];
        for (int p = 0; p < checks.Length; p++) checks[p] = ResidentId.CheckCharacter(world.PersonPrefix[p]);

        int legal, executives, shareholdings, supply, guarantees, penalties, listEntries, positives = 0;
        using (var csv = Open(outDir, SyntheticFiles.LegalRepresentatives, "id_number,uscc"))
        {
            for (int id = 0; id < world.Count; id++)
            {
                int p = world.LegalRepresentative[id];
                csv.ResidentIdNumber(world.PersonPrefix[p], checks[p]).Text(world.Uscc[id]).EndRow();
            }
            legal = csv.Rows;
        }
        using (var csv = Open(outDir, SyntheticFiles.Executives, "id_number,uscc,title"))
        {
            foreach (var e in world.Executives)
            {
                csv.ResidentIdNumber(world.PersonPrefix[e.Person], checks[e.Person]).Text(world.Uscc[e.Enterprise])
                    .Text(SyntheticWorld.TitleName(e.Title)).EndRow();
            }
            executives = csv.Rows;
        }
        using (var csv = Open(outDir, SyntheticFiles.Shareholdings, "holder_type,holder_id,uscc,share"))
        {
            foreach (var s in world.Shareholdings)
            {
                if (s.HolderIsPerson)
                    csv.Text(HolderKind.Person.Name()).ResidentIdNumber(world.PersonPrefix[s.Holder], checks[s.Holder]);
                else
                    csv.Text(HolderKind.Enterprise.Name()).Text(world.Uscc[s.Holder]);
                csv.Text(world.Uscc[s.Enterprise]).Share(s.ShareBp).EndRow();
            }
            shareholdings = csv.Rows;
        }
        progress?.Report($"wrote persons and their roles ({persons:N0} persons)");
        using (var csv = Open(outDir, SyntheticFiles.SupplyLinks, "supplier_uscc,buyer_uscc,annual_amount"))
        {
            foreach (var l in world.SupplyLinks) csv.Text(world.Uscc[l.Supplier]).Text(world.Uscc[l.Buyer]).Cents(l.AmountCents).EndRow();
            supply = csv.Rows;
        }
        using (var csv = Open(outDir, SyntheticFiles.Guarantees, "guarantor_uscc,guaranteed_uscc,amount"))
        {
            foreach (var g in world.Guarantees) csv.Text(world.Uscc[g.Guarantor]).Text(world.Uscc[g.Guaranteed]).Integer(g.AmountYuan).EndRow();
            guarantees = csv.Rows;
        }
        using (var csv = Open(outDir, SyntheticFiles.Penalties, "record_id,uscc,kind,amount,decision_date,publication_date,department,catalogue_item"))
        {
            foreach (var p in world.Penalties)
            {
                int region = world.Region[p.Enterprise];
                csv.Text(RecordNumbering.PenaltyId(p, region)).Text(world.Uscc[p.Enterprise]).Text(p.Kind.Name())
                    .Cents(p.AmountCents).Date(p.DecisionDay).Date(p.PublicationDay)
                    .Text(Departments.Name(p.Department, region)).Text(RecordProvenance.CatalogueItem(p.Kind)).EndRow();
            }
            penalties = csv.Rows;
        }
        using (var csv = Open(outDir, SyntheticFiles.ListEntries, "record_id,uscc,list_type,valid_from,valid_to,department,legal_basis,catalogue_item"))
        {
            foreach (var e in world.ListEntries)
            {
                int region = world.Region[e.Enterprise];
                csv.Text(RecordNumbering.ListEntryId(e, region)).Text(world.Uscc[e.Enterprise]).Text(e.Type.Name()).Date(e.FromDay);
                if (e.ToDay >= 0) csv.Date(e.ToDay);
                else csv.Empty();
                csv.Text(Departments.Name(e.Department, region)).Text(RecordProvenance.LegalBasis(e.Type))
                    .Text(RecordProvenance.CatalogueItem(e.Type)).EndRow();
            }
            listEntries = csv.Rows;
        }
        using (var csv = Open(outDir, SyntheticFiles.Labels, "uscc,label"))
        {
            for (int id = 0; id < world.Count; id++)
            {
                bool label = world.Label[id];
                if (label) positives++;
                csv.Text(world.Uscc[id]).Integer(label ? 1 : 0).EndRow();
            }
        }
        progress?.Report("wrote relations, records and labels");
        return new SyntheticSummary(enterprises, persons, legal, executives, shareholdings, supply, guarantees, penalties,
            listEntries, positives);
    }

    private static int WriteEnterprises(SyntheticWorld world, RegistrationNumbers registration, string path, Random names)
    {
        // One trade name per group, so members read as one family of companies.
        var groupBrands = new string[world.Groups.Count];
        for (int g = 0; g < groupBrands.Length; g++) groupBrands[g] = NameGenerator.Brand(names);

        using var csv = new CsvOut(path, "uscc,registration_no,name,industry,region,founded,registered_capital,status");
        for (int id = 0; id < world.Count; id++)
        {
            int region = world.Region[id];
            string regionCode = RegionCatalog.All[region].Code;
            csv.Text(world.Uscc[id]);
            if (world.FoundedDay[id] < UsccIntroduced && names.Chance(0.9)) csv.Text(registration.LegacyRegistrationNo(id, regionCode));
            else csv.Empty();
            int group = world.GroupOf[id];
            string brand = group >= 0 ? groupBrands[group] : NameGenerator.Brand(names);
            bool large = world.CapitalYuan[id] >= 50_000_000;
            csv.Text(NameGenerator.Company(names, region, world.Industry[id], brand, world.Layer[id] == 1, large))
                .Text(IndustryCatalog.All[world.Industry[id]].Code)
                .Text(regionCode)
                .Date(world.FoundedDay[id])
                .Integer(world.CapitalYuan[id])
                .Text(world.Status[id].Name())
                .EndRow();
        }
        return csv.Rows;
    }

    private static int WritePersons(SyntheticWorld world, string path, Random names)
    {
        using var csv = new CsvOut(path, "id_number,name");
        for (int p = 0; p < world.PersonCount; p++)
        {
            long prefix = world.PersonPrefix[p];
            csv.ResidentIdNumber(prefix, ResidentId.CheckCharacter(prefix))
                .Text(NameGenerator.Person(names, ResidentId.IsMale(prefix)))
                .EndRow();
        }
        return csv.Rows;
    }

    private static CsvOut Open(string outDir, string file, string header) => new(Path.Combine(outDir, file), header);
}
