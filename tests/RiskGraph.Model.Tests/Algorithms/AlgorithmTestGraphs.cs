using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

/// <summary>
/// Builds small snapshots for algorithm tests: enterprises 0..E-1 and persons after them (as in <see cref="IdMap"/>),
/// relations added in the order given, industries I0.. and regions R0.. by index.
/// </summary>
internal sealed class SnapshotBuilder(int enterprises, int persons = 0)
{
    private readonly CsrGraphBuilder _graph = new(enterprises + persons);
    private readonly int[] _industry = new int[enterprises];
    private readonly int[] _region = new int[enterprises];
    private readonly bool[] _negative = new bool[enterprises];
    private readonly float[] _capital = new float[enterprises];

    public SnapshotBuilder Relation(int source, int target, RelationType type, double weight = 1)
    {
        _graph.Add(source, target, type, (float)weight);
        return this;
    }

    public SnapshotBuilder Negative(params int[] ids)
    {
        foreach (int id in ids) _negative[id] = true;
        return this;
    }

    public SnapshotBuilder Capital(int enterprise, double capital)
    {
        _capital[enterprise] = (float)capital;
        return this;
    }

    public SnapshotBuilder Place(int enterprise, int industry, int region)
    {
        _industry[enterprise] = industry;
        _region[enterprise] = region;
        return this;
    }

    public GraphSnapshot Build()
    {
        var keys = new string[enterprises + persons];
        for (int i = 0; i < keys.Length; i++) keys[i] = i < enterprises ? $"E{i}" : $"P{i}";
        int industries = _industry.Length == 0 ? 1 : _industry.Max() + 1, regions = _region.Length == 0 ? 1 : _region.Max() + 1;
        var attributes = new EnterpriseAttributes(
            keys[..enterprises], _industry, _region,
            Enumerable.Range(0, industries).Select(i => $"I{i}").ToArray(), Enumerable.Range(0, regions).Select(r => $"R{r}").ToArray(),
            _capital, new float[enterprises], new byte[enterprises]);
        var credit = new CreditProfile(enterprises);
        Array.Copy(_negative, credit.Negative, enterprises);
        var asOf = new DateOnly(2025, 12, 31);
        // The algorithms read only the Negative flags; the ledger and classes are empty stand-ins.
        var ledger = new CreditLedger(enterprises, _ => 0, asOf, [], [], [], [], [], []);
        return new GraphSnapshot(new IdMap(keys, enterprises), _graph.Build(), attributes, credit, ledger, new CreditClass[enterprises], asOf);
    }

    /// <summary>
    /// A seeded random snapshot: mixed relation types, persons linked to several enterprises, a few hubs, every
    /// tenth enterprise negative, 7 industries and 5 regions.
    /// </summary>
    /// <param name="shareSpread">Shares are 0.05 plus up to this much; above 0.45 some holders control (conglomerates form).</param>
    public static GraphSnapshot Random(int enterprises, int persons, int relations, int seed, double shareSpread = 0.4)
    {
        var random = new Random(seed);
        var builder = new SnapshotBuilder(enterprises, persons);
        for (int e = 0; e < enterprises; e++) builder.Place(e, random.Next(7), random.Next(5));
        for (int e = 0; e < enterprises; e += 10) builder.Negative(e);
        for (int i = 0; i < relations; i++)
        {
            var type = (RelationType)random.Next(RelationTypeNames.Count);
            // Skew targets towards low ids so some nodes become hubs.
            int target = (int)(enterprises * Math.Pow(random.NextDouble(), 2));
            int source = type is RelationType.LegalRepresentativeOf or RelationType.ExecutiveOf
                ? enterprises + random.Next(persons)
                : type == RelationType.ShareholderOf && random.Next(2) == 0 ? enterprises + random.Next(persons) : random.Next(enterprises);
            if (source == target) continue;
            builder.Relation(source, target, type, type == RelationType.ShareholderOf ? 0.05 + shareSpread * random.NextDouble() : 1 + random.Next(1000));
        }
        return builder.Build();
    }
}
