using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>
/// A deterministic generated graph of about 71,000 rows, big enough that an import into Neo4j takes seconds
/// and spans many batches. Every relation key is unique, so the stored counts equal the generated counts.
/// </summary>
internal sealed class BulkData
{
    public BulkData(int enterprises = 20_000, int persons = 10_000)
    {
        Enterprises = Enumerable.Range(0, enterprises).Select(i => new Enterprise(
            UsccOf(i), i % 3 == 0 ? null : $"REG{i:D12}", $"企业 {i}", $"C{10 + i % 30}", Regions[i % Regions.Length],
            i % 5 == 0 ? null : new DateOnly(1990, 1, 1).AddDays(i % 12_000), 1e4 * (i % 997) + i / 7.0, (EnterpriseStatus)(i % 4))).ToArray();
        Persons = Enumerable.Range(0, persons).Select(i => new Person(
            ContractData.Hasher.KeyOf($"BULK{i:D14}"), $"人员 {i}", $"BUL***********{i % 10_000:D4}")).ToArray();

        LegalRepresentatives = Enumerable.Range(0, enterprises / 4).Select(i => new LegalRepresentative(Persons[i % persons].PersonKey, UsccOf(i))).ToArray();
        Executives = Enumerable.Range(0, enterprises / 10).Select(i => new Executive(Persons[(i * 3) % persons].PersonKey, UsccOf(i * 7 % enterprises), "董事")).ToArray();
        // Each enterprise has at most one person holder and one enterprise holder, so (uscc, holder) never repeats.
        Shareholdings = Enumerable.Range(0, enterprises * 3 / 10).SelectMany(i => new[]
        {
            new Shareholding(HolderKind.Person, Persons[i % persons].PersonKey, UsccOf(i), 0.5 + i % 50 / 100.0),
            new Shareholding(HolderKind.Enterprise, UsccOf((i + 1) % enterprises), UsccOf(i), 1.0 / (2 + i % 9)),
        }).ToArray();
        SupplyLinks = Enumerable.Range(0, enterprises * 2 / 5).Select(i => new SupplyLink(UsccOf(i), UsccOf((i * 13 + 5) % enterprises), 1000.5 * i)).ToArray();
        Guarantees = Enumerable.Range(0, enterprises / 10).Select(i => new Guarantee(UsccOf(i * 2), UsccOf(i * 2 + 1), 1e5 + i)).ToArray();
        Penalties = Enumerable.Range(0, enterprises / 4).Select(i => new Penalty(
            $"PB-{i:D7}", UsccOf(i * 3 % enterprises), (PenaltyKind)(i % 5), i * 10.25, new DateOnly(2018, 1, 1).AddDays(i % 2000),
            new DateOnly(2018, 1, 1).AddDays(i % 2000 + 3), "市场监督管理局")).ToArray();
        ListEntries = Enumerable.Range(0, enterprises / 10).Select(i => new ListEntry(
            $"LB-{i:D7}", UsccOf(i * 11 % enterprises), (ListType)(i % 5), new DateOnly(2020, 1, 1).AddDays(i % 1500),
            i % 2 == 0 ? null : new DateOnly(2025, 1, 1).AddDays(i % 300), "信用中国")).ToArray();
        RiskLabels = Enumerable.Range(0, enterprises / 10).Select(i => new RiskLabel(UsccOf(i * 10), i % 7 == 0)).ToArray();
        Commitments = Enumerable.Range(0, enterprises / 10).Select(i => new Commitment(
            $"CB-{i:D7}", UsccOf(i * 17 % enterprises), (CommitmentType)(i % 4), "告知承诺审批", new DateOnly(2021, 1, 1).AddDays(i % 900),
            (Fulfilment)(i % 3), "市场监督管理局")).ToArray();
        // Repairs and objections on some of the penalties (every tenth and every twentieth), half the objections decided.
        var decidedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        CreditRepairs = Enumerable.Range(0, Penalties.Length / 10).Select(i => new CreditRepair(
            $"RB-{i:D7}", Penalties[i * 10].RecordId, (RepairMethod)(i % 4), "市场监督管理局", "已整改", decidedAt.AddMinutes(i))).ToArray();
        Objections = Enumerable.Range(0, Penalties.Length / 20).Select(i => new Objection(
            $"OB-{i:D7}", Penalties[i * 20 + 5].RecordId, "企业", "异议", decidedAt.AddSeconds(i))).ToArray();
        ObjectionOutcomes = Enumerable.Range(0, Objections.Length / 2).Select(i => new ObjectionOutcome(
            Objections[i * 2].ObjectionId, (ObjectionResult)(i % 3), "市场监督管理局", "复核", decidedAt.AddDays(1).AddTicks(i))).ToArray();
    }

    private static readonly string[] Regions = ["310115", "110105", "440305", "510107", "320102", "330106"];

    public Enterprise[] Enterprises { get; }
    public Person[] Persons { get; }
    public LegalRepresentative[] LegalRepresentatives { get; }
    public Executive[] Executives { get; }
    public Shareholding[] Shareholdings { get; }
    public SupplyLink[] SupplyLinks { get; }
    public Guarantee[] Guarantees { get; }
    public Penalty[] Penalties { get; }
    public ListEntry[] ListEntries { get; }
    public RiskLabel[] RiskLabels { get; }
    public Commitment[] Commitments { get; }
    public CreditRepair[] CreditRepairs { get; }
    public Objection[] Objections { get; }
    public ObjectionOutcome[] ObjectionOutcomes { get; }

    public int RowCount =>
        Enterprises.Length + Persons.Length + LegalRepresentatives.Length + Executives.Length + Shareholdings.Length +
        SupplyLinks.Length + Guarantees.Length + Penalties.Length + ListEntries.Length + RiskLabels.Length +
        Commitments.Length + CreditRepairs.Length + Objections.Length + ObjectionOutcomes.Length;

    /// <summary>The rows in key order, as a store must read them back.</summary>
    public StoreContents Sorted => new(
        Enterprises.OrderBy(e => e.Uscc, StringComparer.Ordinal).ToList(),
        Persons.OrderBy(p => p.PersonKey, StringComparer.Ordinal).ToList(),
        LegalRepresentatives.OrderBy(l => l.Uscc, StringComparer.Ordinal).ThenBy(l => l.PersonKey, StringComparer.Ordinal).ToList(),
        Executives.OrderBy(x => x.Uscc, StringComparer.Ordinal).ThenBy(x => x.PersonKey, StringComparer.Ordinal)
            .ThenBy(x => x.Title, StringComparer.Ordinal).ToList(),
        Shareholdings.OrderBy(s => s.Uscc, StringComparer.Ordinal).ThenBy(s => s.HolderKey, StringComparer.Ordinal).ToList(),
        SupplyLinks.OrderBy(s => s.SupplierUscc, StringComparer.Ordinal).ThenBy(s => s.BuyerUscc, StringComparer.Ordinal).ToList(),
        Guarantees.OrderBy(g => g.GuarantorUscc, StringComparer.Ordinal).ThenBy(g => g.GuaranteedUscc, StringComparer.Ordinal).ToList(),
        Penalties.OrderBy(p => p.RecordId, StringComparer.Ordinal).ToList(),
        ListEntries.OrderBy(l => l.RecordId, StringComparer.Ordinal).ToList(),
        RiskLabels.OrderBy(l => l.Uscc, StringComparer.Ordinal).ToList(),
        Commitments.OrderBy(c => c.CommitmentId, StringComparer.Ordinal).ToList(),
        CreditRepairs.OrderBy(r => r.RepairId, StringComparer.Ordinal).ToList(),
        Objections.OrderBy(o => o.ObjectionId, StringComparer.Ordinal).ToList(),
        ObjectionOutcomes.OrderBy(o => o.ObjectionId, StringComparer.Ordinal).ToList());

    /// <summary>
    /// Upserts every type in dependency order, one call per type as the CSV importer does; <paramref name="progress"/>
    /// hears the record type and the rows done so far.
    /// </summary>
    public async Task UpsertAllAsync(IGraphStore store, Action<Type, int>? progress = null)
    {
        await UpsertAsync(store, Enterprises, progress);
        await UpsertAsync(store, Persons, progress);
        await UpsertAsync(store, LegalRepresentatives, progress);
        await UpsertAsync(store, Executives, progress);
        await UpsertAsync(store, Shareholdings, progress);
        await UpsertAsync(store, SupplyLinks, progress);
        await UpsertAsync(store, Guarantees, progress);
        await UpsertAsync(store, Penalties, progress);
        await UpsertAsync(store, ListEntries, progress);
        await UpsertAsync(store, RiskLabels, progress);
        await UpsertAsync(store, Commitments, progress);
        await UpsertAsync(store, CreditRepairs, progress);
        await UpsertAsync(store, Objections, progress);
        await UpsertAsync(store, ObjectionOutcomes, progress);
    }

    private static Task UpsertAsync<T>(IGraphStore store, T[] rows, Action<Type, int>? progress) where T : class =>
        store.UpsertAsync(rows, progress is null ? null : new Reporter(done => progress(typeof(T), done)));

    // Organisation codes "MA" + 7 base-31 digits of the index: unique, valid, and not in index order once sorted.
    private static string UsccOf(int index)
    {
        Span<char> code = stackalloc char[9];
        code[0] = 'M';
        code[1] = 'A';
        int rest = index * 7919 % 27_512_614; // a permutation of the indexes in use, so key order differs from index order
        for (int i = 8; i >= 2; i--, rest /= 31) code[i] = Uscc.Alphabet[rest % 31];
        return Uscc.Compose('9', '1', Regions[index % Regions.Length], new string(code));
    }

    /// <summary>Reports synchronously on the writer's thread, so a test can act between two batches.</summary>
    private sealed class Reporter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
