using RiskGraph.Model.Domain;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// How bad an enterprise's OBSERVABLE record looks on the observation date, computed from the rows that are
/// written (penalties, list entries, status) and nothing hidden. It enters the contagion, so a neighbour's
/// published records raise an enterprise's label probability, which is what graph features can pick up.
/// Recent records and entries still in force weigh more; a red-list entry in force lowers the score.
/// </summary>
internal static class Severity
{
    private static readonly double[] PenaltyWeights = [0.15, 0.35, 0.7, 0.9, 1.3];
    private static readonly double[] ListWeights = [0.8, 1.5, 2.0, 1.8, 0.0];

    public static void Compute(SyntheticWorld world)
    {
        var bad = new double[world.Count];
        var good = new double[world.Count];
        foreach (var p in world.Penalties)
        {
            bad[p.Enterprise] += PenaltyWeights[(int)p.Kind] * Recency(world.AsOfDay - p.DecisionDay);
        }
        foreach (var e in world.ListEntries)
        {
            bool inForce = e.ToDay < 0;
            if (e.Type == ListType.RedList)
            {
                if (inForce) good[e.Enterprise] = 0.5;
                continue;
            }
            bad[e.Enterprise] += ListWeights[(int)e.Type] * (inForce ? 1.0 : 0.4 * Recency(world.AsOfDay - e.ToDay));
        }
        for (int id = 0; id < world.Count; id++)
        {
            double status = world.Status[id] switch
            {
                EnterpriseStatus.Revoked => 1.2,
                EnterpriseStatus.Suspended => 0.6,
                _ => 0.0,
            };
            // Diminishing: the tenth warning says less than the first.
            world.Severity[id] = Math.Log(1.0 + bad[id] + status) - good[id];
        }
    }

    private static double Recency(int daysAgo) => daysAgo switch
    {
        <= 730 => 1.0,
        <= 1460 => 0.6,
        _ => 0.35,
    };
}
