using RiskGraph.Model.Domain;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// The hidden own risk of each enterprise (logit units, roughly centred on 0):
/// industry and region base rates + youth + thin capital + a shock shared by the holding group + idiosyncratic noise.
/// The observable records are later drawn from it (<see cref="CreditRecords"/>), and it is the starting point of
/// the contagion that produces the labels (<see cref="RiskSpread"/>). The status is drawn here as well because
/// revocation follows from risk.
/// </summary>
internal static class LatentRisk
{
    private const double GroupShockSd = 0.8;
    private const double NoiseSd = 0.8;

    public static void Assign(SyntheticWorld world, Random rng)
    {
        foreach (var group in world.Groups)
        {
            group.Shock = GroupShockSd * rng.NextNormal();
        }
        double referenceCapital = Math.Log(1_000_000);
        for (int id = 0; id < world.Count; id++)
        {
            double age = world.AgeYears(id);
            double ageTerm = age switch { < 1 => 0.5, < 3 => 0.35, < 6 => 0.15, > 20 => -0.1, _ => 0.0 };
            double capitalTerm = Math.Clamp(-0.15 * (Math.Log(world.CapitalYuan[id]) - referenceCapital), -0.6, 0.6);
            int group = world.GroupOf[id];
            double own = IndustryCatalog.All[world.Industry[id]].BaseRisk
                + RegionCatalog.All[world.Region[id]].BaseRisk
                + ageTerm
                + capitalTerm
                + (group >= 0 ? world.Groups[group].Shock : 0.0)
                + NoiseSd * rng.NextNormal()
                - 0.3;
            world.OwnRisk[id] = own;
            world.Status[id] = SampleStatus(own, age, rng);
        }
    }

    private static EnterpriseStatus SampleStatus(double own, double age, Random rng)
    {
        double u = rng.NextDouble();
        double revoked = age >= 2 ? Math.Min(0.5, 0.012 * Math.Exp(0.9 * own)) : 0.0;
        if (u < revoked) return EnterpriseStatus.Revoked;
        if (u < revoked + 0.025) return EnterpriseStatus.Cancelled;
        if (u < revoked + 0.031) return EnterpriseStatus.Suspended;
        return EnterpriseStatus.InBusiness;
    }
}
