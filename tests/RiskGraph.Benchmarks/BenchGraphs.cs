using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Benchmarks;

/// <summary>
/// Seeded random snapshots for benchmarks, built straight into the CSR (no CSV or store), so a 100k-enterprise
/// graph is ready in about a second. Shaped like the synthetic data: as many persons as enterprises, about
/// five relations per enterprise of all five types, and targets drawn from a power law so that some nodes become
/// hubs; one enterprise in eight has a negative record. For the generator's own data use GraphBench.
/// </summary>
public static class BenchGraphs
{
    public static GraphSnapshot Snapshot(int enterprises, int seed = 42)
    {
        var random = new Random(seed);
        int persons = enterprises, nodes = enterprises + persons;
        var builder = new CsrGraphBuilder(nodes);
        for (int e = 0; e < enterprises; e++)
        {
            int person = enterprises + random.Next(persons);
            builder.Add(person, e, RelationType.LegalRepresentativeOf, 1);
            builder.Add(enterprises + PowerLaw(random, persons), e, RelationType.ExecutiveOf, 1);
            builder.Add(random.Next(2) == 0 ? person : PowerLaw(random, enterprises), e, RelationType.ShareholderOf, (float)(0.05 + 0.6 * random.NextDouble()));
            builder.Add(PowerLaw(random, enterprises), e, RelationType.SuppliesTo, random.Next(10_000, 10_000_000));
            if (random.Next(4) == 0) builder.Add(PowerLaw(random, enterprises), e, RelationType.Guarantees, random.Next(100_000, 50_000_000));
        }

        var keys = new string[nodes];
        for (int i = 0; i < nodes; i++) keys[i] = i < enterprises ? $"E{i}" : $"P{i}";
        var industry = new int[enterprises];
        var region = new int[enterprises];
        var credit = new CreditProfile(enterprises);
        for (int e = 0; e < enterprises; e++)
        {
            industry[e] = random.Next(20);
            region[e] = random.Next(30);
            credit.Negative[e] = random.Next(8) == 0;
        }
        var attributes = new EnterpriseAttributes(keys[..enterprises], industry, region,
            Enumerable.Range(0, 20).Select(i => $"C{i:00}").ToArray(), Enumerable.Range(0, 30).Select(r => $"{310100 + r}").ToArray(),
            new float[enterprises], new float[enterprises], new byte[enterprises]);
        var asOf = new DateOnly(2025, 12, 31);
        var ledger = new CreditLedger(enterprises, _ => 0, asOf, [], [], [], [], [], []);
        return new GraphSnapshot(new IdMap(keys, enterprises), builder.Build(), attributes, credit, ledger, new CreditClass[enterprises], asOf);
    }

    /// <summary>An id in [0, count) with probability falling off as a power of the id: low ids become hubs.</summary>
    private static int PowerLaw(Random random, int count) => (int)(count * Math.Pow(random.NextDouble(), 3));
}
