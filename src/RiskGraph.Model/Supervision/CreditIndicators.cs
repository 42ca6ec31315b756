using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Supervision;

/// <summary>One region in one month: market entities by class and the seriously-dishonest share against the target.</summary>
/// <param name="ByClass">Counts indexed by <see cref="CreditClass"/>.</param>
/// <param name="Change">Change of the share from the previous month, in share points (null for the first month).</param>
public sealed record MonthIndicator(
    string Month, DateOnly AsOf, int Entities, IReadOnlyList<int> ByClass, double SeriouslyDishonestShare, bool MeetsTarget, double? Change);

/// <param name="Trend">rising, falling or flat: the last month's share against the first's.</param>
public sealed record RegionIndicators(string Region, IReadOnlyList<MonthIndicator> Months, string Trend);

/// <summary>
/// Regional credit indicators (R199, R200): per region and month, the market entities by class and the share that
/// is seriously dishonest, which seed 004 sets below 1 % (「严重失信主体占比 低于 1%」). Each month is evaluated on
/// its last day (or on the served day for the current month) with the records' statuses on that day.
/// </summary>
public static class CreditIndicators
{
    public const double SeriouslyDishonestTarget = 0.01;
    public const int MaxMonths = 36;
    private const double FlatBand = 0.0005;

    /// <summary>Regions are the enterprises' 6-digit codes under <paramref name="region"/>; the first item totals them all.</summary>
    public static IReadOnlyList<RegionIndicators> Compute(GraphSnapshot snapshot, string? region, DateOnly fromMonth, DateOnly toMonth)
    {
        var attributes = snapshot.Enterprises;
        var months = new List<DateOnly>();
        for (var m = new DateOnly(fromMonth.Year, fromMonth.Month, 1); m <= toMonth; m = m.AddMonths(1)) months.Add(m);
        int regionCount = attributes.RegionCodes.Length;
        // counts[month][region + 1][class]; row 0 totals every region in the filter.
        var counts = new int[months.Count][][];
        for (int i = 0; i < months.Count; i++)
        {
            var day = Min(months[i].AddMonths(1).AddDays(-1), snapshot.AsOf);
            var ledger = snapshot.Ledger.At(day);
            counts[i] = new int[regionCount + 1][];
            for (int r = 0; r <= regionCount; r++) counts[i][r] = new int[4];
            for (int e = 0; e < snapshot.EnterpriseCount; e++)
            {
                if (!ListPublication.InRegion(snapshot, e, region) || !ExistedOn(snapshot, e, day)) continue;
                int cls = (int)CreditClassifier.Classify(ledger, e).Class;
                counts[i][0][cls]++;
                counts[i][attributes.Region[e] + 1][cls]++;
            }
        }
        var result = new List<RegionIndicators>();
        for (int r = 0; r <= regionCount; r++)
        {
            if (r > 0 && region is not null && !attributes.RegionCodes[r - 1].StartsWith(region, StringComparison.Ordinal)) continue;
            var series = new List<MonthIndicator>();
            for (int i = 0; i < months.Count; i++)
            {
                var byClass = counts[i][r];
                int total = byClass.Sum();
                double share = total == 0 ? 0 : Math.Round((double)byClass[(int)CreditClass.SeriouslyDishonest] / total, 6);
                double? change = i == 0 ? null : Math.Round(share - series[i - 1].SeriouslyDishonestShare, 6);
                series.Add(new MonthIndicator(months[i].ToString("yyyy-MM"), Min(months[i].AddMonths(1).AddDays(-1), snapshot.AsOf), total,
                    byClass, share, share < SeriouslyDishonestTarget, change));
            }
            double delta = series[^1].SeriouslyDishonestShare - series[0].SeriouslyDishonestShare;
            string trend = delta > FlatBand ? "rising" : delta < -FlatBand ? "falling" : "flat";
            result.Add(new RegionIndicators(r == 0 ? region ?? "all" : attributes.RegionCodes[r - 1], series, trend));
        }
        return result;
    }

    // The snapshot keeps the age on the served day, not the founding date; the float's error is far below a day.
    private static bool ExistedOn(GraphSnapshot snapshot, int e, DateOnly day)
    {
        float age = snapshot.Enterprises.AgeYears[e];
        return float.IsNaN(age) || age * 365.25 + 0.5 >= snapshot.AsOf.DayNumber - day.DayNumber;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
