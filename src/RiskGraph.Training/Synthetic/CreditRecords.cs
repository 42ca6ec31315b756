using RiskGraph.Model.Domain;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Administrative penalties and credit-list entries published up to the observation date, drawn from each
/// enterprise's hidden own risk: riskier firms collect more and harsher records, so the records are informative
/// about the own risk but noisy. Only the last six years are published, and young firms have had less time.
/// Nothing here looks past the observation date: the label event (a future serious-dishonesty listing or default)
/// is never written as a record.
/// </summary>
internal static class CreditRecords
{
    private const int WindowDays = 6 * 365 + 1;

    // Base mix of penalty kinds: mostly warnings and fines, harsh measures rare.
    private static readonly double[] KindWeights = [0.42, 0.48, 0.05, 0.03, 0.02];

    public static void Build(SyntheticWorld world, Random rng)
    {
        for (int id = 0; id < world.Count; id++)
        {
            int start = Math.Max(world.FoundedDay[id], world.AsOfDay - WindowDays);
            int active = Math.Max(1, world.AsOfDay - start);
            var window = new Window(start, active, active / (double)WindowDays);
            Penalties(world, rng, id, window);
            ListEntries(world, rng, id, window);
        }
        RecordNumbering.Assign(world);
    }

    private readonly record struct Window(int Start, int Days, double Share)
    {
        public int Draw(Random rng) => Start + rng.Next(Days + 1);
    }

    private static void Penalties(SyntheticWorld world, Random rng, int id, Window window)
    {
        double own = world.OwnRisk[id];
        int industry = world.Industry[id];
        double rate = 0.3 * Math.Exp(0.85 * own) * IndustryCatalog.All[industry].PenaltyFactor * window.Share;
        int count = Math.Min(rng.NextPoisson(rate), 30);
        Span<double> weights = stackalloc double[KindWeights.Length];
        double harshness = Math.Exp(0.5 * Math.Max(own, 0));
        for (int k = 0; k < weights.Length; k++) weights[k] = KindWeights[k] * (k >= 2 ? harshness : 1.0);
        for (int i = 0; i < count; i++)
        {
            var kind = (PenaltyKind)PickIndex(weights, rng);
            var department = kind == PenaltyKind.LicenceRevoked && rng.Chance(0.8)
                ? Department.MarketRegulation
                : (Department)IndustryCatalog.DepartmentTables[industry].Sample(rng);
            AddPenalty(world, rng, id, window, kind, department);
        }
        if (world.Status[id] == EnterpriseStatus.Revoked)
        {
            // The revoked status is the outcome of a published licence revocation.
            AddPenalty(world, rng, id, window, PenaltyKind.LicenceRevoked, Department.MarketRegulation);
        }
    }

    private static void AddPenalty(
        SyntheticWorld world, Random rng, int id, Window window, PenaltyKind kind, Department department)
    {
        int decision = window.Draw(rng);
        // Decisions are to be published within 7 working days; about one in ten is late.
        int delay = rng.Chance(0.9) ? rng.Between(1, 7) : rng.Between(8, 60);
        int publication = Days.AddWorkingDays(decision, delay);
        if (publication > world.AsOfDay)
        {
            decision = Math.Max(world.FoundedDay[id], decision - (publication - world.AsOfDay));
            publication = world.AsOfDay;
        }
        long amount = kind switch
        {
            PenaltyKind.Warning => 0,
            PenaltyKind.Fine => FineCents(world.CapitalYuan[id], rng),
            PenaltyKind.Confiscation => ConfiscationCents(world.CapitalYuan[id], rng),
            PenaltyKind.Suspension => rng.Chance(0.6) ? FineCents(world.CapitalYuan[id], rng) : 0,
            _ => rng.Chance(0.3) ? FineCents(world.CapitalYuan[id], rng) : 0,
        };
        world.Penalties.Add(new PenaltyRow(id, kind, amount, decision, publication, department, Sequence: 0));
    }

    private static void ListEntries(SyntheticWorld world, Random rng, int id, Window window)
    {
        double own = world.OwnRisk[id];
        bool revoked = world.Status[id] == EnterpriseStatus.Revoked;
        double abnormal = revoked ? 0.8 : Math.Min(0.9, 0.07 * Math.Exp(0.9 * own) * window.Share);
        if (rng.Chance(abnormal))
        {
            int entries = rng.Chance(0.15) ? 2 : 1;
            for (int i = 0; i < entries; i++)
            {
                AddEntry(world, rng, id, ListType.AbnormalOperation, window.Draw(rng), 0.45, 30, 540, Department.MarketRegulation);
            }
        }
        bool serious = false;
        if (rng.Chance(Math.Min(0.5, 0.008 * Math.Exp(own) * window.Share)))
        {
            AddEntry(world, rng, id, ListType.SeriousViolation, window.Draw(rng), 0.25, 365, 1095, Department.MarketRegulation);
            serious = true;
        }
        if (rng.Chance(Math.Min(0.4, 0.004 * Math.Exp(own) * window.Share)))
        {
            var department = rng.Chance(0.6) ? Department.Tax : Department.DevelopmentReform;
            AddEntry(world, rng, id, ListType.SeriousDishonesty, window.Draw(rng), 0.3, 365, 1095, department);
            serious = true;
        }
        if (rng.Chance(Math.Min(0.4, 0.006 * Math.Exp(own) * window.Share)))
        {
            AddEntry(world, rng, id, ListType.DishonestJudgmentDebtor, window.Draw(rng), 0.4, 60, 720, Department.Court);
            serious = true;
        }
        // Integrity lists (e.g. A-grade taxpayers) reward established, clean firms; an award runs for a year.
        if (!serious && !revoked && world.AgeYears(id) >= 3 && rng.Chance(Math.Min(0.5, 0.06 * Math.Exp(-0.9 * own))))
        {
            int from = world.AsOfDay - rng.Next(3 * 365);
            var department = rng.Chance(0.7) ? Department.Tax : Department.DevelopmentReform;
            int to = from + 365 <= world.AsOfDay ? from + 365 : -1;
            world.ListEntries.Add(new ListEntryRow(id, ListType.RedList, from, to, department, Sequence: 0));
        }
    }

    /// <summary>
    /// An entry from <paramref name="from"/>; with probability <paramref name="removal"/> it was lifted
    /// <paramref name="minDays"/>-<paramref name="maxDays"/> days later, if that day is already past.
    /// </summary>
    private static void AddEntry(
        SyntheticWorld world, Random rng, int id, ListType type, int from,
        double removal, int minDays, int maxDays, Department department)
    {
        int to = -1;
        if (rng.Chance(removal))
        {
            int lifted = from + rng.Between(minDays, maxDays);
            if (lifted <= world.AsOfDay) to = lifted;
        }
        world.ListEntries.Add(new ListEntryRow(id, type, from, to, department, Sequence: 0));
    }

    /// <summary>Fines: log-normal around 20,000 CNY, larger for larger firms, in whole 100s.</summary>
    private static long FineCents(long capital, Random rng)
    {
        double yuan = Math.Clamp(rng.NextLogNormal(20_000 * CapitalFactor(capital), 1.1), 200, 50_000_000);
        return (long)Math.Round(yuan / 100) * 100 * 100;
    }

    /// <summary>Confiscated illegal gains are whatever was earned, to the fen.</summary>
    private static long ConfiscationCents(long capital, Random rng)
    {
        double yuan = Math.Clamp(rng.NextLogNormal(50_000 * CapitalFactor(capital), 1.2), 100, 100_000_000);
        return (long)Math.Round(yuan * 100);
    }

    private static double CapitalFactor(long capital) => Math.Exp(0.15 * (Math.Log(capital) - Math.Log(1_000_000)));

    private static int PickIndex(ReadOnlySpan<double> weights, Random rng)
    {
        double total = 0;
        foreach (double w in weights) total += w;
        double u = rng.NextDouble() * total;
        for (int i = 0; i < weights.Length - 1; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.Length - 1;
    }
}
