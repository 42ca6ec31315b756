using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Model.Supervision;

public enum RiskTier
{
    Low,
    Normal,
    High,
}

/// <summary>How much of a tier is drawn per draw, and how many draws a year (in months evenly spread from January).</summary>
public sealed record TierPolicy(RiskTier Tier, double Ratio, int PerYear, string Basis)
{
    public bool IsDueIn(int month) => (month - 1) % (12 / PerYear) == 0;
}

public sealed record TierDraw(RiskTier Tier, double Ratio, int PerYear, bool Due, int Population, int Drawn);

/// <param name="KeyInspection">Classed warning or worse: a key supervision object (R160).</param>
public sealed record PlannedInspection(string Uscc, RiskTier Tier, CreditClass Class, string? WarningLevel, bool KeyInspection, IReadOnlyList<string> Inspectors);

public sealed record SpotCheckPlan(string PlanId, string Period, string? Region, int Seed, DateOnly AsOf, IReadOnlyList<TierDraw> Tiers, IReadOnlyList<PlannedInspection> Draw);

/// <summary>
/// "Double random, one public" (双随机、一公开) planning: enterprises drawn at random per risk tier, inspectors drawn at
/// random from a pool. Tiers follow seed 002 (「对于信用状况好、风险小的市场主体,合理降低抽查比例和频次」; average →
/// the usual ratio; dishonest or high risk → higher ratio and frequency) and combine the credit class with the warning
/// level; classes warning and worse are key inspection objects (seed 001, R160). The draw is a pure function of the
/// snapshot, period, region, seed and the pairs already assigned in the period, so a seed reproduces it.
/// </summary>
public static class SpotCheckPlanner
{
    public const int InspectorsPerEnterprise = 2;

    public static IReadOnlyList<TierPolicy> DefaultPolicies { get; } =
    [
        new(RiskTier.Low, 0.03, 1, "seed 002: 合理降低抽查比例和频次 (good credit, low risk)"),
        new(RiskTier.Normal, 0.05, 2, "seed 002: 执行常规的抽查比例和频次 (average)"),
        new(RiskTier.High, 0.20, 4, "seed 002: 增加抽查比例和监管频次; seed 001: 警示、失信、严重失信 are key inspection objects"),
    ];

    /// <summary>Poor credit (warning or worse) or a high or critical warning → high; good credit and low (or no) warning → low; else normal.</summary>
    public static RiskTier TierOf(CreditClass cls, string? level) =>
        cls >= CreditClass.Warning || level is "high" or "critical" ? RiskTier.High
        : level is null or "low" ? RiskTier.Low
        : RiskTier.Normal;

    /// <param name="month">The period's first day.</param>
    /// <param name="assigned">(uscc, inspector) pairs already planned in the period: no inspector goes to an enterprise twice in it.</param>
    public static SpotCheckPlan Draw(
        GraphSnapshot snapshot, float[]? probability, string planId, DateOnly month, string? region, int seed,
        IReadOnlyList<string> inspectors, IReadOnlySet<(string Uscc, string Inspector)> assigned, IReadOnlyList<TierPolicy>? policies = null)
    {
        if (inspectors.Distinct().Count() < InspectorsPerEnterprise)
            throw new ArgumentException($"The inspector pool needs at least {InspectorsPerEnterprise} distinct inspectors.", nameof(inspectors));
        policies ??= DefaultPolicies;
        var rng = new Random(StableSeed(seed, month, region));
        var population = new List<int>[3] { [], [], [] };
        // Dense ids follow the store's key order (USCC), so candidate order and thus the draw are reproducible.
        for (int e = 0; e < snapshot.EnterpriseCount; e++)
        {
            if (!ListPublication.InRegion(snapshot, e, region) || snapshot.Ledger.EnterpriseStatusOf(e) == Domain.EnterpriseStatus.Cancelled) continue;
            population[(int)TierOf(snapshot.Classes[e], LevelOf(probability, e))].Add(e);
        }
        var tiers = new List<TierDraw>();
        var draw = new List<PlannedInspection>();
        foreach (var policy in policies)
        {
            var candidates = population[(int)policy.Tier];
            bool due = policy.IsDueIn(month.Month);
            int count = due ? Math.Min(candidates.Count, (int)Math.Ceiling(policy.Ratio * candidates.Count)) : 0;
            // Partial Fisher-Yates: the first count positions are a uniform sample without replacement.
            for (int i = 0; i < count; i++)
            {
                int j = rng.Next(i, candidates.Count);
                (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
                int e = candidates[i];
                string uscc = snapshot.Ids.KeyOf(e);
                draw.Add(new PlannedInspection(uscc, policy.Tier, snapshot.Classes[e], LevelOf(probability, e), snapshot.Classes[e] >= CreditClass.Warning,
                    PickInspectors(rng, inspectors, uscc, assigned)));
            }
            tiers.Add(new TierDraw(policy.Tier, policy.Ratio, policy.PerYear, due, candidates.Count, count));
        }
        draw.Sort((a, b) => string.CompareOrdinal(a.Uscc, b.Uscc));
        return new SpotCheckPlan(planId, month.ToString("yyyy-MM"), region, seed, snapshot.AsOf, tiers, draw);
    }

    private static string? LevelOf(float[]? probability, int e) => probability is null ? null : WarningLevels.LevelOf(probability[e]);

    private static IReadOnlyList<string> PickInspectors(Random rng, IReadOnlyList<string> pool, string uscc, IReadOnlySet<(string, string)> assigned)
    {
        var order = pool.Distinct().ToArray();
        rng.Shuffle(order);
        var picked = new List<string>(InspectorsPerEnterprise);
        foreach (string inspector in order)
        {
            if (picked.Count == InspectorsPerEnterprise) break;
            if (!assigned.Contains((uscc, inspector))) picked.Add(inspector);
        }
        return picked;
    }

    // FNV-1a over the inputs: string.GetHashCode is randomised per process, which would break reproducibility.
    private static int StableSeed(int seed, DateOnly month, string? region)
    {
        uint hash = 2166136261;
        foreach (char c in $"{seed}|{month:yyyy-MM}|{region}") hash = (hash ^ c) * 16777619;
        return (int)(hash & 0x7fffffff);
    }
}
