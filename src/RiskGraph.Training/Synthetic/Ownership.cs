namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Persons, officers and shareholdings, enterprise by enterprise in slot order (groups first).
/// Shares are integers in 1/10000 and every holding is taken from <see cref="SyntheticWorld.RemainingShareBp"/>,
/// so the shares held in one enterprise never sum above 1. Some of each group member's capital is often left
/// unrecorded (employee platforms, small investors), which leaves room for cross-holdings.
/// </summary>
internal static class Ownership
{
    private static readonly WeightedTable UngroupedHolderCounts = new([0.35, 0.35, 0.18, 0.12]);

    public static void Build(SyntheticWorld world, Random rng)
    {
        var pool = new PersonPool(world, rng);
        var cast = new EnterpriseCast();
        int slot = 0;
        foreach (var group in world.Groups)
        {
            group.KeyPersons = ChooseKeyPersons(group, pool);
            for (int k = 0; k < group.Size; k++)
            {
                int id = world.Member(group, k);
                cast.Reset();
                int chair = k == 0 && group.PersonController ? group.KeyPersons[0] : -1;
                Officers.Assign(world, pool, rng, id, group.KeyPersons, chair, cast);
                if (k == 0) ApexHolders(world, pool, rng, group, id, cast);
                else MemberHolders(world, pool, rng, group, k, id, cast);
            }
            slot = group.FirstSlot + group.Size;
        }
        for (; slot < world.Count; slot++)
        {
            int id = world.SlotToId[slot];
            cast.Reset();
            Officers.Assign(world, pool, rng, id, [], -1, cast);
            UngroupedHolders(world, pool, rng, id, cast);
        }
    }

    private static int[] ChooseKeyPersons(HoldingGroup group, PersonPool pool)
    {
        var key = new int[2 + Math.Min(6, group.Size / 4)];
        // A controlling person is a fresh person: owning a group is not a side job of some other firm's manager.
        key[0] = group.PersonController ? pool.CreateNew(group.HomeRegion) : pool.Choose(group.HomeRegion);
        for (int i = 1; i < key.Length; i++) key[i] = pool.Choose(group.HomeRegion);
        return key;
    }

    /// <summary>1-4 natural persons, the legal representative usually the largest; sometimes an outside firm invests first.</summary>
    private static void UngroupedHolders(SyntheticWorld world, PersonPool pool, Random rng, int id, EnterpriseCast cast)
    {
        if (rng.Chance(0.04))
        {
            int investor = rng.Next(world.Count);
            if (investor != id) Add(world, false, investor, id, rng.Between(5, 30) * 100);
        }
        int holders = UngroupedHolderCounts.Sample(rng) + 1;
        Span<int> persons = stackalloc int[holders];
        for (int i = 0; i < holders; i++)
        {
            int person = i == 0 && rng.Chance(0.7) ? world.LegalRepresentative[id]
                : rng.Chance(0.35) ? cast.Officer(rng.Next(cast.OfficerCount))
                : -1;
            if (person < 0 || cast.IsHolder(person)) person = Officers.PickDistinct(pool, world.Region[id], cast);
            persons[i] = person;
            cast.AddHolder(person);
        }
        AddPersons(world, rng, id, persons, world.RemainingShareBp[id]);
    }

    /// <summary>The controller holds the apex (51-100 %), or a few persons hold a holding company without a majority owner.</summary>
    private static void ApexHolders(SyntheticWorld world, PersonPool pool, Random rng, HoldingGroup group, int id, EnterpriseCast cast)
    {
        if (group.PersonController)
        {
            Add(world, true, group.KeyPersons[0], id, rng.Chance(0.4) ? 10_000 : rng.Between(51, 90) * 100);
            cast.AddHolder(group.KeyPersons[0]);
            if (world.RemainingShareBp[id] > 0 && rng.Chance(0.5)) FillWithPersons(world, pool, rng, group, id, cast, leaveSome: false);
            return;
        }
        FillWithPersons(world, pool, rng, group, id, cast, leaveSome: rng.Chance(0.3), minHolders: 2);
    }

    private static void MemberHolders(
        SyntheticWorld world, PersonPool pool, Random rng, HoldingGroup group, int k, int id, EnterpriseCast cast)
    {
        int parent = world.ParentOf[id];
        double u = rng.NextDouble();
        int parentShare = u < 0.30 ? 10_000 : u < 0.85 ? rng.Between(51, 95) * 100 : rng.Between(20, 49) * 100;
        Add(world, false, parent, id, parentShare);

        int remaining = world.RemainingShareBp[id];
        if (remaining >= 500 && rng.Chance(0.12))
        {
            // An earlier sister company takes a minority stake: a second path of control inside the group.
            // (Earlier only: later members may take stakes in their ancestors, and a pair must not appear twice.)
            int sister = world.Member(group, rng.Next(k));
            if (sister != id && sister != parent) Add(world, false, sister, id, Math.Min(remaining, rng.Between(5, 20) * 100));
        }
        remaining = world.RemainingShareBp[id];
        if (remaining >= 500 && group.PersonController && rng.Chance(0.10))
        {
            Add(world, true, group.KeyPersons[0], id, Math.Min(remaining, rng.Between(5, 30) * 100));
            cast.AddHolder(group.KeyPersons[0]);
        }
        if (world.Layer[id] >= 2 && rng.Chance(0.06)) CrossHolding(world, rng, id);
        if (world.RemainingShareBp[id] > 0 && !rng.Chance(0.35)) FillWithPersons(world, pool, rng, group, id, cast, leaveSome: rng.Chance(0.4));
    }

    /// <summary>
    /// The member takes a small stake in one of its own ancestors: A holds B and B (indirectly) holds A,
    /// the circular holdings that hide who really controls a group.
    /// </summary>
    private static void CrossHolding(SyntheticWorld world, Random rng, int id)
    {
        int ancestor = id;
        int steps = rng.Between(1, world.Layer[id] - 1);
        for (int i = 0; i < steps && world.ParentOf[ancestor] >= 0; i++) ancestor = world.ParentOf[ancestor];
        if (ancestor == id || world.RemainingShareBp[ancestor] < 300) return;
        Add(world, false, id, ancestor, Math.Min(world.RemainingShareBp[ancestor], rng.Between(3, 15) * 100));
    }

    private static void FillWithPersons(
        SyntheticWorld world, PersonPool pool, Random rng, HoldingGroup group, int id, EnterpriseCast cast,
        bool leaveSome, int minHolders = 1)
    {
        int remaining = world.RemainingShareBp[id];
        if (leaveSome)
        {
            int leave = rng.Between(3, 15) * 100;
            if (remaining - leave >= 100 * minHolders) remaining -= leave;
        }
        int holders = Math.Min(remaining / 100, rng.Between(minHolders, minHolders + 2));
        if (holders <= 0) return;
        int region = world.Region[id];
        Span<int> persons = stackalloc int[holders];
        for (int i = 0; i < holders; i++)
        {
            int person = rng.Chance(0.6) ? group.KeyPersons[rng.Next(group.KeyPersons.Length)] : -1;
            if (person >= 0 && !cast.IsHolder(person)) pool.Record(person, region);
            else person = Officers.PickDistinct(pool, region, cast);
            persons[i] = person;
            cast.AddHolder(person);
        }
        AddPersons(world, rng, id, persons, remaining);
    }

    private static void AddPersons(SyntheticWorld world, Random rng, int id, ReadOnlySpan<int> persons, int total)
    {
        if (total < persons.Length) return;
        Span<int> shares = stackalloc int[persons.Length];
        rng.SplitShares(total, shares);
        for (int i = 0; i < persons.Length; i++) Add(world, true, persons[i], id, shares[i]);
    }

    private static void Add(SyntheticWorld world, bool holderIsPerson, int holder, int enterprise, int shareBp)
    {
        int remaining = world.RemainingShareBp[enterprise];
        if (shareBp <= 0 || shareBp > remaining)
            throw new InvalidOperationException($"Share {shareBp} exceeds the remaining {remaining} of enterprise {enterprise}.");
        world.RemainingShareBp[enterprise] = remaining - shareBp;
        world.Shareholdings.Add(new ShareholdingRow(holderIsPerson, holder, enterprise, shareBp));
    }
}
