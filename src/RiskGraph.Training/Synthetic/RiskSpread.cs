using RiskGraph.Model.Domain;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Contagion and labels.
/// <para>
/// Each enterprise emits distress d = <see cref="RecordDistress"/> × severity of its published records
/// + <see cref="HiddenDistress"/> × (own risk above its <see cref="HiddenQuantile"/> quantile). Mostly the observable
/// part, so neighbours' records are what carries the contagion, with a hidden remainder that no feature can see.
/// Distress flows over the relations with weights that say who hurts whom:
/// </para>
/// <list type="bullet">
/// <item>shareholding: holder → held strongly (a failing parent drains its subsidiaries), held → holder less;</item>
/// <item>guarantee: guaranteed → guarantor strongly (the guarantor has to pay), guarantor → guaranteed less;</item>
/// <item>supply: buyer → supplier (unpaid receivables), supplier → buyer less (lost supply);</item>
/// <item>shared persons (legal representative, executive, shareholder): distress of the person's other firms,
/// damped by the square root of how many firms the person sits in (nominees carry little).</item>
/// </list>
/// <para>
/// <see cref="Rounds"/> rounds: incoming(t) = W (d + <see cref="Damping"/> × relayed(t-1)), where relayed is the
/// part of ln(1 + incoming) above its <see cref="RelayQuantile"/> quantile. So two- and three-hop neighbours matter
/// less than direct ones, only markedly exposed firms relay, and a hub relays its own saturated exposure, not the
/// sum of everything it received (which would blow up around core enterprises).
/// Contagion = <see cref="Gain"/> × ln(1 + incoming): the first distressed neighbour matters most.
/// The label is Bernoulli(sigmoid(b + own + <see cref="OwnRecordWeight"/> × severity + contagion + noise)) with b
/// chosen so that about <see cref="TargetRate"/> of the enterprises are positive.
/// </para>
/// </summary>
internal static class RiskSpread
{
    public const double RecordDistress = 2.5;
    public const double HiddenDistress = 0.15;
    public const double HiddenQuantile = 0.8;
    public const int Rounds = 3;
    public const double Damping = 0.5;
    public const double RelayQuantile = 0.8;
    public const double Gain = 2.6;
    public const double OwnRecordWeight = 0.6;
    public const double TargetRate = 0.07;
    private const double LabelNoiseSd = 0.3;

    private const double HolderToHeld = 0.9, HeldToHolder = 0.5;
    private const double GuaranteedToGuarantor = 0.8, GuarantorToGuaranteed = 0.4;
    private const double BuyerToSupplier = 0.5, SupplierToBuyer = 0.3;
    private const double ViaPerson = 0.5;

    public static void AssignLabels(SyntheticWorld world, Random rng)
    {
        int n = world.Count;
        double threshold = Quantile(world.OwnRisk, HiddenQuantile);
        var emitted = new double[n];
        for (int id = 0; id < n; id++)
        {
            emitted[id] = RecordDistress * world.Severity[id] + HiddenDistress * Math.Max(0.0, world.OwnRisk[id] - threshold);
        }

        var edges = IncomingEdges.Build(world, HolderToHeld, HeldToHolder, GuaranteedToGuarantor, GuarantorToGuaranteed,
            BuyerToSupplier, SupplierToBuyer);
        long[] affiliations = PersonAffiliations(world);

        var incoming = new double[n];
        var passed = new double[n];
        var exposure = new double[n];
        for (int round = 0; round < Rounds; round++)
        {
            // Only exposure well above the usual passes on: otherwise every firm with any distressed neighbour
            // would pass something on, and after a few rounds the contagion would just count relations.
            for (int id = 0; id < n; id++) exposure[id] = Math.Log(1.0 + incoming[id]);
            double usual = round == 0 ? 0.0 : Quantile(exposure, RelayQuantile);
            for (int id = 0; id < n; id++) passed[id] = Math.Max(0.0, emitted[id] + Damping * Math.Max(0.0, exposure[id] - usual));
            edges.Gather(passed, incoming);
            AddPersonMessages(affiliations, passed, incoming);
        }

        var logit = new double[n];
        for (int id = 0; id < n; id++)
        {
            world.Contagion[id] = Gain * Math.Log(1.0 + incoming[id]);
            // A deregistered firm no longer borrows or trades: it rarely shows up in next year's defaults.
            double cancelled = world.Status[id] == EnterpriseStatus.Cancelled ? 2.5 : 0.0;
            logit[id] = world.OwnRisk[id] + OwnRecordWeight * world.Severity[id] + world.Contagion[id]
                + LabelNoiseSd * rng.NextNormal() - cancelled;
        }
        double bias = CalibrateBias(logit, TargetRate);
        for (int id = 0; id < n; id++) world.Label[id] = rng.NextDouble() < Sampling.Sigmoid(bias + logit[id]);
    }

    /// <summary>Unique (person, enterprise) pairs over legal representatives, executives and person shareholders, sorted by person.</summary>
    private static long[] PersonAffiliations(SyntheticWorld world)
    {
        int personHoldings = 0;
        foreach (var s in world.Shareholdings) if (s.HolderIsPerson) personHoldings++;
        var pairs = new long[world.Count + world.Executives.Count + personHoldings];
        int k = 0;
        for (int id = 0; id < world.Count; id++) pairs[k++] = Pair(world.LegalRepresentative[id], id);
        foreach (var e in world.Executives) pairs[k++] = Pair(e.Person, e.Enterprise);
        foreach (var s in world.Shareholdings) if (s.HolderIsPerson) pairs[k++] = Pair(s.Holder, s.Enterprise);
        Array.Sort(pairs);
        int unique = 0;
        for (int i = 0; i < pairs.Length; i++)
        {
            if (i == 0 || pairs[i] != pairs[unique - 1]) pairs[unique++] = pairs[i];
        }
        return pairs[..unique];

        static long Pair(int person, int enterprise) => ((long)person << 32) | (uint)enterprise;
    }

    /// <summary>For every person with several firms: each firm receives the distress of the person's other firms.</summary>
    private static void AddPersonMessages(long[] pairs, double[] distress, double[] incoming)
    {
        int i = 0;
        while (i < pairs.Length)
        {
            int person = (int)(pairs[i] >> 32);
            int end = i;
            double total = 0;
            while (end < pairs.Length && (int)(pairs[end] >> 32) == person)
            {
                total += distress[(int)pairs[end]];
                end++;
            }
            int degree = end - i;
            if (degree >= 2 && total > 0)
            {
                double scale = ViaPerson / Math.Sqrt(degree - 1);
                for (int j = i; j < end; j++)
                {
                    int enterprise = (int)pairs[j];
                    incoming[enterprise] += scale * (total - distress[enterprise]);
                }
            }
            i = end;
        }
    }

    /// <summary>Bisection for b with mean(sigmoid(b + logit)) = rate; the mean is increasing in b.</summary>
    private static double CalibrateBias(double[] logit, double rate)
    {
        double lo = -40, hi = 20;
        for (int iteration = 0; iteration < 60; iteration++)
        {
            double mid = (lo + hi) / 2;
            double sum = 0;
            foreach (double z in logit) sum += Sampling.Sigmoid(mid + z);
            if (sum / logit.Length < rate) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private static double Quantile(double[] values, double q)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted[(int)(q * (sorted.Length - 1))];
    }
}
