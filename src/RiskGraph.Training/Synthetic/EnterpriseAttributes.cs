namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Industry, region, founding date, registered capital and USCC of every enterprise.
/// Group members share a home region and a core industry most of the time and are founded after their parent,
/// so a group looks like one business that expanded; ungrouped enterprises are drawn from the national mix.
/// </summary>
internal static class EnterpriseAttributes
{
    private const double DaysPerYear = 365.25;

    public static void Assign(SyntheticWorld world, RegistrationNumbers registration, Random rng)
    {
        int slot = 0;
        foreach (var group in world.Groups)
        {
            group.HomeRegion = RegionCatalog.RegionTable.Sample(rng);
            group.CoreIndustry = RegionCatalog.IndustryTables[group.HomeRegion].Sample(rng);
            for (int k = 0; k < group.Size; k++)
            {
                AssignMember(world, group, world.Member(group, k), k, rng);
            }
            slot = group.FirstSlot + group.Size;
        }
        for (; slot < world.Count; slot++)
        {
            int id = world.SlotToId[slot];
            int region = RegionCatalog.RegionTable.Sample(rng);
            world.Region[id] = (byte)region;
            world.Industry[id] = (byte)RegionCatalog.IndustryTables[region].Sample(rng);
            world.FoundedDay[id] = world.AsOfDay - (int)(SampleAgeYears(rng) * DaysPerYear);
            world.CapitalYuan[id] = SampleCapital(world.Industry[id], 1.0, rng);
        }
        for (int id = 0; id < world.Count; id++)
        {
            world.Uscc[id] = registration.Uscc(id, RegionCatalog.All[world.Region[id]].Code);
        }
    }

    private static void AssignMember(SyntheticWorld world, HoldingGroup group, int id, int k, Random rng)
    {
        int region = k == 0 || rng.Chance(0.7) ? group.HomeRegion : RegionCatalog.RegionTable.Sample(rng);
        int industry;
        if (k == 0)
        {
            // Holding companies (投资控股) are business services (L72); a person-controlled apex is often the operating firm.
            industry = rng.Chance(group.PersonController ? 0.4 : 0.8) ? IndustryCatalog.HoldingServices : group.CoreIndustry;
        }
        else if (rng.Chance(0.04))
        {
            industry = IndustryCatalog.Finance; // groups like to own a lender or lessor
        }
        else
        {
            industry = rng.Chance(0.4) ? group.CoreIndustry : RegionCatalog.IndustryTables[region].Sample(rng);
        }
        world.Region[id] = (byte)region;
        world.Industry[id] = (byte)industry;

        if (k == 0)
        {
            double years = Math.Min(SampleAgeYears(rng) + 3.0, 45.0);
            world.FoundedDay[id] = world.AsOfDay - (int)(years * DaysPerYear);
            world.CapitalYuan[id] = SampleCapital(industry, 8.0, rng);
        }
        else
        {
            // A subsidiary is set up some time after its parent.
            int parentFounded = world.FoundedDay[world.ParentOf[id]];
            int span = world.AsOfDay - parentFounded;
            world.FoundedDay[id] = parentFounded + (int)(span * (0.1 + 0.9 * rng.NextDouble()));
            world.CapitalYuan[id] = SampleCapital(industry, 2.0, rng);
        }
    }

    /// <summary>Mixture of young and established firms: half of all firms are under about 5 years old.</summary>
    private static double SampleAgeYears(Random rng)
    {
        double years = rng.NextExponential(rng.Chance(0.6) ? 5.0 : 12.0);
        return Math.Clamp(years, 0.05, 40.0);
    }

    /// <summary>Log-normal around 1 million CNY, shifted by industry, in whole 10,000s (registered capital is set in 万元).</summary>
    private static long SampleCapital(int industry, double scale, Random rng)
    {
        double median = 1_000_000 * scale * Math.Exp(IndustryCatalog.All[industry].CapitalShift);
        double yuan = Math.Clamp(rng.NextLogNormal(median, 1.3), 10_000, 50_000_000_000);
        return (long)Math.Round(yuan / 10_000) * 10_000;
    }
}
