using RiskGraph.Model.Domain;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Decision numbers, e.g. 沪浦市监罚〔2024〕137号: issuing region and department, year, running number.
/// Numbers run per (region, department, year) for penalties and per (region, list, year) for list entries, in
/// date order as an authority would issue them, so each record id is unique and stable across imports.
/// </summary>
internal static class RecordNumbering
{
    private const int Years = 64;

    private static readonly string[] ListAbbreviations = ["异", "严违", "严失", "失执", "红"];

    /// <summary>Fills the Sequence of every penalty and list entry.</summary>
    public static void Assign(SyntheticWorld world)
    {
        int firstYear = world.Options.AsOf.Year - Years + 1;
        var penalties = world.Penalties;
        var counters = new int[RegionCatalog.All.Count * Departments.Count * Years];
        foreach (int i in DateOrder(penalties.Count, i => penalties[i].DecisionDay))
        {
            var p = penalties[i];
            int key = (world.Region[p.Enterprise] * Departments.Count + (int)p.Department) * Years + YearIndex(p.DecisionDay, firstYear);
            penalties[i] = p with { Sequence = ++counters[key] };
        }
        var entries = world.ListEntries;
        counters = new int[RegionCatalog.All.Count * ListAbbreviations.Length * Years];
        foreach (int i in DateOrder(entries.Count, i => entries[i].FromDay))
        {
            var e = entries[i];
            int key = (world.Region[e.Enterprise] * ListAbbreviations.Length + (int)e.Type) * Years + YearIndex(e.FromDay, firstYear);
            entries[i] = e with { Sequence = ++counters[key] };
        }
    }

    public static string PenaltyId(PenaltyRow row, int region) =>
        string.Concat(RegionCatalog.All[region].Abbreviation, Departments.Abbreviation(row.Department), "罚〔",
            Number(Days.Year(row.DecisionDay)), "〕", Number(row.Sequence), "号");

    public static string ListEntryId(ListEntryRow row, int region) =>
        string.Concat(RegionCatalog.All[region].Abbreviation, ListAbbreviations[(int)row.Type], "〔",
            Number(Days.Year(row.FromDay)), "〕", Number(row.Sequence), "号");

    /// <summary>Row indexes by day, ties by row index: a total order, independent of the sort algorithm.</summary>
    private static int[] DateOrder(int count, Func<int, int> day)
    {
        var keys = new long[count];
        for (int i = 0; i < count; i++) keys[i] = ((long)day(i) << 32) | (uint)i;
        Array.Sort(keys);
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = (int)(keys[i] & 0xFFFF_FFFF);
        return order;
    }

    private static int YearIndex(int day, int firstYear)
    {
        int index = Days.Year(day) - firstYear;
        if ((uint)index >= Years) throw new ArgumentOutOfRangeException(nameof(day), day, "Record year outside the numbering range.");
        return index;
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
