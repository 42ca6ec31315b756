using RiskGraph.Model.Domain;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Credit commitments (信用承诺) and whether they were kept. About one enterprise in eight has made one; riskier
/// enterprises break theirs more often, and recent ones are still pending. Drawn from a stream of its own after
/// every other phase, so adding commitments left the other files' bytes unchanged.
/// </summary>
internal static class Commitments
{
    private const double ShareWithCommitments = 0.12;
    private const int PendingDays = 90;

    private static readonly (CommitmentType Type, double Weight, Department Department, string Matter)[] Kinds =
    [
        (CommitmentType.NotificationApproval, 0.5, Department.MarketRegulation, "经营许可告知承诺审批"),
        (CommitmentType.SelfDisclosure, 0.25, Department.DevelopmentReform, "主动公示信用承诺"),
        (CommitmentType.IndustrySelfDiscipline, 0.15, Department.MarketRegulation, "行业自律信用承诺"),
        (CommitmentType.CreditRepair, 0.10, Department.MarketRegulation, "信用修复承诺"),
    ];

    public static int Write(SyntheticWorld world, string outDir, Random rng)
    {
        using var csv = new CsvOut(Path.Combine(outDir, SyntheticFiles.Commitments), "commitment_id,uscc,type,matter,made_on,fulfilment,department");
        for (int id = 0; id < world.Count; id++)
        {
            if (rng.NextDouble() >= ShareWithCommitments) continue;
            int count = rng.NextDouble() < 0.25 ? 2 : 1;
            for (int k = 0; k < count; k++)
            {
                var kind = Pick(rng);
                int earliest = Math.Max(world.FoundedDay[id], world.AsOfDay - 3 * 365);
                int madeOn = earliest + rng.Next(Math.Max(1, world.AsOfDay - earliest));
                double breachChance = 1 / (1 + Math.Exp(3.2 - 1.1 * world.OwnRisk[id]));
                var fulfilment = madeOn > world.AsOfDay - PendingDays ? Fulfilment.Pending
                    : rng.NextDouble() < breachChance ? Fulfilment.Breached : Fulfilment.Fulfilled;
                csv.Text($"CMT{id:D8}-{k + 1}").Text(world.Uscc[id]).Text(kind.Type.Name()).Text(kind.Matter).Date(madeOn)
                    .Text(fulfilment.Name()).Text(Departments.Name(kind.Department, world.Region[id])).EndRow();
            }
        }
        return csv.Rows;
    }

    private static (CommitmentType Type, double Weight, Department Department, string Matter) Pick(Random rng)
    {
        double u = rng.NextDouble();
        foreach (var kind in Kinds)
        {
            if (u < kind.Weight) return kind;
            u -= kind.Weight;
        }
        return Kinds[^1];
    }
}
