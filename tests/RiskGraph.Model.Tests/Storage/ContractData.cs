using System.Text;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>
/// A small hand-made graph that exercises every record type and the awkward values: Chinese text, quotes and
/// backslashes, missing optional values, doubles without an exact short decimal (0.1 + 0.2, 1/3), whole-number
/// doubles that a JSON reader would take for integers, and an enterprise with two titles for one person.
/// </summary>
internal static class ContractData
{
    public static readonly PersonKeyHasher Hasher = new(Encoding.UTF8.GetBytes("riskgraph-contract-tests-fixed-key"));

    // In USCC order these are E2, E7, E0, E1, E6, E3, E4, E5, not the order they are written in:
    // the stores must sort by key rather than return rows as inserted.
    public static readonly string E0 = Code("310115", "MA1G00001");
    public static readonly string E1 = Code("310115", "MA1G00002");
    public static readonly string E2 = Code("110105", "MA00000X3");
    public static readonly string E3 = Code("440305", "MA5D00004");
    public static readonly string E4 = Code("440305", "MA5D00005");
    public static readonly string E5 = Code("510107", "MA6C00006");
    public static readonly string E6 = Code("320102", "MA1M00007");
    public static readonly string E7 = Code("110105", "MA00000Y8");

    public static readonly Person P0 = MakePerson("310101198001011234", "张伟");
    public static readonly Person P1 = MakePerson("110101197505054321", "李娜");
    public static readonly Person P2 = MakePerson("44030119900909888X", "王芳");
    public static readonly Person P3 = MakePerson("510104196612120017", "Li \"Lee\" Na\\Jr");
    public static readonly Person P4 = MakePerson("320102198808080808", "刘洋");

    public static readonly Enterprise[] Enterprises =
    [
        new(E0, "310115000123456", "上海甲制造有限公司", "C36", "310115", new DateOnly(2010, 3, 1), 5_000_000, EnterpriseStatus.InBusiness),
        new(E1, null, "上海乙配件有限公司", "C36", "310115", new DateOnly(2015, 7, 20), 1e7 / 3, EnterpriseStatus.Suspended),
        new(E2, "110105000999888", "北京丙商贸有限公司", "F51", "110105", null, 0.1 + 0.2, EnterpriseStatus.Revoked),
        new(E3, null, "深圳丁科技有限公司", "K70", "440305", new DateOnly(2001, 1, 1), 1e15, EnterpriseStatus.InBusiness),
        new(E4, "440305000000001", "Shenzhen \"Quote\" \\ Trading Ltd", "K70", "440305", new DateOnly(2019, 12, 31), 2e23,
            EnterpriseStatus.InBusiness),
        new(E5, null, "成都戊物流有限公司", "G54", "510107", new DateOnly(2008, 8, 8), 123456789.123456789, EnterpriseStatus.Cancelled),
        new(E6, null, "南京己建设有限公司", "E48", "320102", new DateOnly(1999, 9, 9), 3, EnterpriseStatus.InBusiness),
        new(E7, null, "北京庚咨询有限公司", "M72", "110105", new DateOnly(2021, 2, 28), 0, EnterpriseStatus.InBusiness),
    ];

    public static readonly Person[] Persons = [P0, P1, P2, P3, P4];

    public static readonly LegalRepresentative[] LegalRepresentatives =
    [
        new(P0.PersonKey, E0), new(P1.PersonKey, E1), new(P2.PersonKey, E2), new(P0.PersonKey, E5), new(P3.PersonKey, E3),
    ];

    public static readonly Executive[] Executives =
    [
        new(P0.PersonKey, E0, "董事长"), new(P0.PersonKey, E0, "总经理"), new(P1.PersonKey, E1, "监事"),
        new(P4.PersonKey, E2, "财务负责人"), new(P2.PersonKey, E0, "董事"),
    ];

    public static readonly Shareholding[] Shareholdings =
    [
        new(HolderKind.Person, P0.PersonKey, E0, 0.6), new(HolderKind.Person, P1.PersonKey, E0, 0.4),
        new(HolderKind.Enterprise, E0, E1, 1.0), new(HolderKind.Enterprise, E1, E2, 0.1 + 0.2),
        new(HolderKind.Person, P4.PersonKey, E3, 1.0 / 3), new(HolderKind.Enterprise, E3, E4, 0.51),
    ];

    public static readonly SupplyLink[] SupplyLinks =
    [
        new(E1, E0, 1.5e6), new(E0, E5, 2.25e7), new(E2, E3, 999.99), new(E4, E1, 1e-3),
    ];

    public static readonly Guarantee[] Guarantees =
    [
        new(E0, E1, 5e6), new(E1, E0, 3e6), new(E3, E2, 7.77e5), new(E5, E6, 1),
    ];

    public static readonly Penalty[] Penalties =
    [
        new("沪市监罚〔2023〕101号", E0, PenaltyKind.Fine, 50_000, new DateOnly(2023, 5, 10), new DateOnly(2023, 5, 20), "上海市浦东新区市场监督管理局"),
        new("沪市监罚〔2021〕7号", E1, PenaltyKind.Warning, 0, new DateOnly(2021, 1, 4), new DateOnly(2021, 1, 8), "上海市市场监督管理局"),
        new("PEN-2022-0001", E2, PenaltyKind.Confiscation, 12_345.67, new DateOnly(2022, 11, 30), new DateOnly(2022, 12, 1), "北京市税务局"),
        new("PEN-2024-0002", E2, PenaltyKind.LicenceRevoked, 0, new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 1), "北京市朝阳区市场监督管理局"),
        new("PEN-2019-0003", E4, PenaltyKind.Suspension, 0.1 + 0.7, new DateOnly(2019, 6, 1), new DateOnly(2019, 6, 15), "深圳市生态环境局"),
        new("粤深罚〔2024〕55号", E3, PenaltyKind.Fine, 1e6 / 7, new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 3), "深圳市应急管理局"),
    ];

    public static readonly ListEntry[] ListEntries =
    [
        new("LIST-0001", E2, ListType.SeriousDishonesty, new DateOnly(2024, 3, 1), null, "北京市市场监督管理局"),
        new("LIST-0002", E1, ListType.AbnormalOperation, new DateOnly(2022, 1, 1), new DateOnly(2023, 1, 1), "上海市市场监督管理局"),
        new("LIST-0003", E0, ListType.RedList, new DateOnly(2023, 9, 1), new DateOnly(2026, 9, 1), "国家税务总局上海市税务局"),
        new("失信-0004", E4, ListType.DishonestJudgmentDebtor, new DateOnly(2024, 5, 5), null, "深圳市中级人民法院"),
    ];

    public static readonly RiskLabel[] RiskLabels =
    [
        new(E0, false), new(E1, true), new(E2, true), new(E5, false),
    ];

    public static readonly Commitment[] Commitments =
    [
        new("CM-0001", E0, CommitmentType.NotificationApproval, "经营许可告知承诺审批", new DateOnly(2023, 3, 1), Fulfilment.Fulfilled, "上海市浦东新区市场监督管理局"),
        new("CM-0002", E1, CommitmentType.CreditRepair, "信用修复承诺", new DateOnly(2022, 6, 1), Fulfilment.Breached, "上海市市场监督管理局"),
        new("承诺-0003", E2, CommitmentType.SelfDisclosure, "主动公示信用承诺", new DateOnly(2024, 1, 15), Fulfilment.Pending, "北京市发展和改革委员会"),
    ];

    // Instants with a +08:00 offset and sub-millisecond ticks: both stores keep UTC text that reads back to the tick.
    public static readonly CreditRepair[] CreditRepairs =
    [
        new("RP-0001", "沪市监罚〔2021〕7号", RepairMethod.Commitment, "上海市市场监督管理局", "已按承诺整改",
            new DateTimeOffset(2022, 3, 1, 9, 30, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567)),
        new("RP-0002", "LIST-0002", RepairMethod.CreditReport, "上海市市场监督管理局", "提交信用报告", new DateTimeOffset(2023, 2, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    public static readonly Objection[] Objections =
    [
        new("OB-0001", "PEN-2022-0001", "北京丙商贸有限公司", "处罚金额有误", new DateTimeOffset(2023, 1, 5, 10, 0, 0, TimeSpan.FromHours(8)).AddTicks(7)),
        new("OB-0002", "失信-0004", "Shenzhen \"Quote\" \\ Trading Ltd", "已履行判决", new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.Zero)),
    ];

    public static readonly ObjectionOutcome[] ObjectionOutcomes =
    [
        // A correction with every value a penalty takes, an amount with a fraction (it must read back bit for bit).
        new("OB-0001", ObjectionResult.Corrected, "北京市税务局", "更正处罚金额", new DateTimeOffset(2023, 2, 10, 16, 45, 30, TimeSpan.FromHours(8)),
            new RecordCorrection(PenaltyKind.Fine, 12_345.67, new DateOnly(2022, 5, 6), new DateOnly(2022, 5, 10))),
        new("OB-0002", ObjectionResult.Corrected, "最高人民法院", "更正失信期限", new DateTimeOffset(2024, 7, 1, 8, 0, 0, TimeSpan.Zero),
            new RecordCorrection(ValidFrom: new DateOnly(2024, 1, 2), ValidTo: new DateOnly(2025, 1, 1))),
    ];

    public static readonly Inspection[] Inspections =
    [
        new("IN-0002", E1, new DateOnly(2025, 3, 4), InspectionOutcome.Unreachable, "上海市市场监督管理局", "执法员甲,执法员乙", "登记住所无法联系", "PLAN-2025-03"),
        new("IN-0001", E0, new DateOnly(2025, 1, 2), InspectionOutcome.NoProblem, "上海市浦东新区市场监督管理局", "王五,赵六"),
    ];

    // Keyed by the hash of the ID number; the second person is in no enterprise's graph.
    public static readonly PersonListEntry[] PersonListEntries =
    [
        new("PL-0002", Hasher.KeyOf("11010519491231002X"), PersonListType.RestrictedExecutive, new DateOnly(2024, 2, 1), new DateOnly(2027, 1, 31), "市场监督管理局"),
        new("PL-0001", P0.PersonKey, PersonListType.DishonestJudgmentDebtor, new DateOnly(2025, 5, 6), null, "上海市浦东新区人民法院", "最高人民法院关于公布失信被执行人名单信息的若干规定"),
    ];

    /// <summary>Writes every record type, entities before what refers to them, one upsert per type (as the importer does).</summary>
    public static async Task UpsertAllAsync(IGraphStore store)
    {
        await store.UpsertAsync(Enterprises);
        await store.UpsertAsync(Persons);
        await store.UpsertAsync(LegalRepresentatives);
        await store.UpsertAsync(Executives);
        await store.UpsertAsync(Shareholdings);
        await store.UpsertAsync(SupplyLinks);
        await store.UpsertAsync(Guarantees);
        await store.UpsertAsync(Penalties);
        await store.UpsertAsync(ListEntries);
        await store.UpsertAsync(RiskLabels);
        await store.UpsertAsync(Commitments);
        await store.UpsertAsync(CreditRepairs);
        await store.UpsertAsync(Objections);
        await store.UpsertAsync(ObjectionOutcomes);
        await store.UpsertAsync(Inspections);
        await store.UpsertAsync(PersonListEntries);
    }

    /// <summary>What ReadAllAsync must return: the rows in the embedded store's key order (ordinal, like SQLite's BINARY).</summary>
    public static IReadOnlyList<Enterprise> SortedEnterprises => Enterprises.OrderBy(e => e.Uscc, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<Person> SortedPersons => Persons.OrderBy(p => p.PersonKey, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<LegalRepresentative> SortedLegalRepresentatives =>
        LegalRepresentatives.OrderBy(l => l.Uscc, StringComparer.Ordinal).ThenBy(l => l.PersonKey, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<Executive> SortedExecutives =>
        Executives.OrderBy(x => x.Uscc, StringComparer.Ordinal).ThenBy(x => x.PersonKey, StringComparer.Ordinal)
            .ThenBy(x => x.Title, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<Shareholding> SortedShareholdings =>
        Shareholdings.OrderBy(s => s.Uscc, StringComparer.Ordinal).ThenBy(s => s.HolderKey, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<SupplyLink> SortedSupplyLinks =>
        SupplyLinks.OrderBy(s => s.SupplierUscc, StringComparer.Ordinal).ThenBy(s => s.BuyerUscc, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<Guarantee> SortedGuarantees =>
        Guarantees.OrderBy(g => g.GuarantorUscc, StringComparer.Ordinal).ThenBy(g => g.GuaranteedUscc, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<Penalty> SortedPenalties => Penalties.OrderBy(p => p.RecordId, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<ListEntry> SortedListEntries => ListEntries.OrderBy(l => l.RecordId, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<RiskLabel> SortedRiskLabels => RiskLabels.OrderBy(l => l.Uscc, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<Commitment> SortedCommitments => Commitments.OrderBy(c => c.CommitmentId, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<CreditRepair> SortedCreditRepairs => CreditRepairs.OrderBy(r => r.RepairId, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<Objection> SortedObjections => Objections.OrderBy(o => o.ObjectionId, StringComparer.Ordinal).ToList();
    public static IReadOnlyList<ObjectionOutcome> SortedObjectionOutcomes =>
        ObjectionOutcomes.OrderBy(o => o.ObjectionId, StringComparer.Ordinal).ToList();

    private static string Code(string region, string organisation) => Uscc.Compose('9', '1', region, organisation);

    private static Person MakePerson(string idNumber, string name) => new(Hasher.KeyOf(idNumber), name, PersonKeyHasher.Mask(idNumber));

    public static IReadOnlyList<Inspection> SortedInspections => Inspections.OrderBy(i => i.InspectionId, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<PersonListEntry> SortedPersonListEntries => PersonListEntries.OrderBy(l => l.RecordId, StringComparer.Ordinal).ToList();
}
