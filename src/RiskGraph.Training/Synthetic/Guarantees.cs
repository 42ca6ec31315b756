namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Guarantor → guaranteed links. Most guarantees stay inside holding groups (a parent backs its subsidiaries'
/// loans) or follow supply links (a core firm backs its supplier, 供应链金融); on top come mutual guarantees and
/// guarantee circles (担保圈) of 3-5 mostly local firms, the structure through which defaults cascade.
/// Each ordered pair appears at most once.
/// </summary>
internal static class Guarantees
{
    public static void Build(SyntheticWorld world, Random rng)
    {
        var pairs = new HashSet<long>();
        WithinGroups(world, rng, pairs);
        AlongSupplyChains(world, rng, pairs);
        Circles(world, rng, pairs);
    }

    private static void WithinGroups(SyntheticWorld world, Random rng, HashSet<long> pairs)
    {
        foreach (var group in world.Groups)
        {
            for (int k = 1; k < group.Size; k++)
            {
                int id = world.Member(group, k);
                int parent = world.ParentOf[id];
                if (rng.Chance(0.30)) Add(world, rng, pairs, parent, id);
                if (rng.Chance(0.08)) Add(world, rng, pairs, id, parent);
                if (rng.Chance(0.06)) Add(world, rng, pairs, world.Member(group, rng.Next(group.Size)), id);
                // A finance arm is there to back its sisters.
                if (world.Industry[id] == IndustryCatalog.Finance && rng.Chance(0.5))
                {
                    Add(world, rng, pairs, id, world.Member(group, rng.Next(group.Size)));
                }
            }
        }
    }

    private static void AlongSupplyChains(SyntheticWorld world, Random rng, HashSet<long> pairs)
    {
        foreach (var link in world.SupplyLinks)
        {
            double u = rng.NextDouble();
            if (u < 0.05) Add(world, rng, pairs, link.Buyer, link.Supplier);
            else if (u < 0.075) Add(world, rng, pairs, link.Supplier, link.Buyer);
            else if (u < 0.087)
            {
                // Mutual guarantee (互保): each backs the other's loan.
                Add(world, rng, pairs, link.Buyer, link.Supplier);
                Add(world, rng, pairs, link.Supplier, link.Buyer);
            }
        }
    }

    /// <summary>Circles: A backs B backs C ... backs A; three in four members from the first member's region.</summary>
    private static void Circles(SyntheticWorld world, Random rng, HashSet<long> pairs)
    {
        int[][] byRegion = IdsByRegion(world);
        int circles = Math.Max(3, world.Count / 350);
        Span<int> members = stackalloc int[5];
        for (int c = 0; c < circles; c++)
        {
            int size = rng.Between(3, 5);
            members[0] = rng.Next(world.Count);
            int[] local = byRegion[world.Region[members[0]]];
            int filled = 1;
            for (int attempt = 0; filled < size && attempt < 20; attempt++)
            {
                int candidate = rng.Chance(0.75) ? local[rng.Next(local.Length)] : rng.Next(world.Count);
                if (!members[..filled].Contains(candidate)) members[filled++] = candidate;
            }
            for (int i = 0; i < filled; i++) Add(world, rng, pairs, members[i], members[(i + 1) % filled]);
        }
    }

    private static void Add(SyntheticWorld world, Random rng, HashSet<long> pairs, int guarantor, int guaranteed)
    {
        if (guarantor == guaranteed || !pairs.Add((long)guarantor * world.Count + guaranteed)) return;
        // Loan guarantees: log-normal around 5 million CNY, larger for well-capitalised guarantors, in whole 10,000s.
        double median = 5_000_000 * Math.Exp(0.3 * (Math.Log(world.CapitalYuan[guarantor]) - Math.Log(1_000_000)));
        double yuan = Math.Clamp(rng.NextLogNormal(median, 1.0), 100_000, 10_000_000_000);
        world.Guarantees.Add(new GuaranteeRow(guarantor, guaranteed, (long)Math.Round(yuan / 10_000) * 10_000));
    }

    /// <summary>Enterprise ids per region, in id order (counting sort, no hashing).</summary>
    public static int[][] IdsByRegion(SyntheticWorld world)
    {
        var counts = new int[RegionCatalog.All.Count];
        for (int id = 0; id < world.Count; id++) counts[world.Region[id]]++;
        var result = new int[counts.Length][];
        for (int r = 0; r < counts.Length; r++) result[r] = new int[counts[r]];
        Array.Clear(counts);
        for (int id = 0; id < world.Count; id++) result[world.Region[id]][counts[world.Region[id]]++] = id;
        return result;
    }
}
