namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Supplier → buyer links by preferential attachment. Enterprises enter the market in founding order; each
/// newcomer sells to a few existing firms of its buyer industries (mining → manufacturing → wholesale → retail),
/// chosen in proportion to how many suppliers they already have. Old, large firms so become core enterprises with
/// hundreds or thousands of suppliers while most firms have one or two: a heavy-tailed in-degree. About half of the buyers are
/// in the supplier's region, the rest anywhere, so chains cross regions as well as industries.
/// </summary>
internal static class SupplyChains
{
    private const double SameRegionBuyer = 0.55;
    private const double InsideGroupBuyer = 0.12;

    /// <summary>
    /// Past this many suppliers a buyer's attractiveness stays fixed, so at a million firms the largest cores have a
    /// few thousand suppliers rather than tens of thousands.
    /// </summary>
    private const int MaxAttachment = 1500;

    public static void Build(SyntheticWorld world, Random rng)
    {
        int industries = IndustryCatalog.All.Count;
        int regions = RegionCatalog.All.Count;
        // Attachment lists: each enterprise appears once per unit of attractiveness plus once per supplier won.
        var byCell = new List<int>[industries * regions];
        var byIndustry = new List<int>[industries];
        for (int i = 0; i < byCell.Length; i++) byCell[i] = [];
        for (int i = 0; i < industries; i++) byIndustry[i] = [];

        var suppliers = new int[world.Count];
        Span<int> chosen = stackalloc int[16];
        foreach (int id in FoundingOrder(world))
        {
            int industry = world.Industry[id];
            int region = world.Region[id];
            long capital = world.CapitalYuan[id];
            int attractiveness = 1 + (capital >= 10_000_000 ? 1 : 0) + (capital >= 100_000_000 ? 2 : 0);
            for (int a = 0; a < attractiveness; a++) Join(byCell, byIndustry, id, industry, region, regions);

            var buyerTable = IndustryCatalog.BuyerTables[industry];
            if (buyerTable is null) continue;
            int links = rng.NextPoisson(IndustryCatalog.All[industry].SupplyActivity);
            if (capital >= 100_000_000) links += rng.NextPoisson(2.0); // big suppliers serve more customers
            links = Math.Min(links, chosen.Length);
            int made = 0;
            for (int l = 0; l < links; l++)
            {
                int buyer = PickBuyer(world, rng, id, buyerTable, industry, region, byCell, byIndustry, regions);
                if (buyer < 0 || buyer == id || chosen[..made].Contains(buyer)) continue;
                chosen[made++] = buyer;
                world.SupplyLinks.Add(new SupplyRow(id, buyer, SampleAmountCents(capital, rng)));
                if (++suppliers[buyer] < MaxAttachment) Join(byCell, byIndustry, buyer, world.Industry[buyer], world.Region[buyer], regions);
            }
        }
    }

    private static int PickBuyer(
        SyntheticWorld world, Random rng, int id, WeightedTable buyerTable, int industry, int region,
        List<int>[] byCell, List<int>[] byIndustry, int regions)
    {
        int group = world.GroupOf[id];
        if (group >= 0 && rng.Chance(InsideGroupBuyer))
        {
            // Vertical integration: a member sells to a sister company.
            var g = world.Groups[group];
            return world.Member(g, rng.Next(g.Size));
        }
        int buyerIndustry = IndustryCatalog.BuyerIndustries[industry][buyerTable.Sample(rng)];
        var local = byCell[buyerIndustry * regions + region];
        var list = local.Count > 0 && rng.Chance(SameRegionBuyer) ? local : byIndustry[buyerIndustry];
        return list.Count == 0 ? -1 : list[rng.Next(list.Count)];
    }

    private static void Join(List<int>[] byCell, List<int>[] byIndustry, int id, int industry, int region, int regions)
    {
        byCell[industry * regions + region].Add(id);
        byIndustry[industry].Add(id);
    }

    /// <summary>Ids sorted by founding day, ties by id: a total order, so the result does not depend on the sort algorithm.</summary>
    private static int[] FoundingOrder(SyntheticWorld world)
    {
        var keys = new long[world.Count];
        for (int id = 0; id < keys.Length; id++) keys[id] = ((long)world.FoundedDay[id] << 24) | (uint)id;
        Array.Sort(keys);
        var order = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++) order[i] = (int)(keys[i] & 0xFF_FFFF);
        return order;
    }

    /// <summary>Annual purchase volume: log-normal around 2 million CNY, growing with the supplier's capital.</summary>
    private static long SampleAmountCents(long supplierCapital, Random rng)
    {
        double median = 2_000_000 * Math.Exp(0.35 * (Math.Log(supplierCapital) - Math.Log(1_000_000)));
        double yuan = Math.Clamp(rng.NextLogNormal(median, 1.2), 10_000, 20_000_000_000);
        return (long)Math.Round(yuan * 100);
    }
}
