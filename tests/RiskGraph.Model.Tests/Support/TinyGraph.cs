using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Model.Tests.Support;

/// <summary>
/// A hand-made graph small enough to check features by hand:
/// E1 (negative: recent fine) supplies E0; E0 supplies E2 and holds 30 % of it; E2 (warning only) guarantees E3
/// (abnormal-operation list, other industry and region); person P0 is E0's legal representative and E4's director;
/// E4 is on the serious-violation list (other industry and region); P1 represents and holds 60 % of E1; E5 is
/// isolated with an expired list entry.
/// </summary>
public static class TinyGraph
{
    public static readonly string[] E =
    [
        Uscc.Compose('9', '1', "310115", "MA0000001"), Uscc.Compose('9', '1', "310115", "MA0000002"),
        Uscc.Compose('9', '1', "120116", "MA0000003"), Uscc.Compose('9', '1', "320505", "MA0000004"),
        Uscc.Compose('9', '1', "440300", "MA0000005"), Uscc.Compose('9', '1', "310115", "MA0000006"),
    ];

    public const string P0 = "p_000000000000000000000000", P1 = "p_111111111111111111111111";

    public static async Task<SqliteGraphStore> CreateStoreAsync(string path)
    {
        var store = new SqliteGraphStore(path);
        await store.InitializeAsync();
        string[] industries = ["C36", "C36", "F51", "K66", "I65", "C36"];
        string[] regions = ["310115", "310115", "120116", "320505", "440300", "310115"];
        await store.UpsertAsync(E.Select((uscc, i) => new Enterprise(
            uscc, null, $"企业{i}", industries[i], regions[i], new DateOnly(2015, 1, 1), 1_000_000 * (i + 1), EnterpriseStatus.InBusiness)).ToList());
        await store.UpsertAsync<Person>([new(P0, "张三", "110***********002X"), new(P1, "李四", "440***********0014")]);
        await store.UpsertAsync<LegalRepresentative>([new(P0, E[0]), new(P1, E[1])]);
        await store.UpsertAsync<Executive>([new(P0, E[4], "director")]);
        await store.UpsertAsync<Shareholding>([new(HolderKind.Person, P1, E[1], 0.6), new(HolderKind.Enterprise, E[0], E[2], 0.3)]);
        await store.UpsertAsync<SupplyLink>([new(E[1], E[0], 1e6), new(E[0], E[2], 2e6)]);
        await store.UpsertAsync<Guarantee>([new(E[2], E[3], 5e5)]);
        await store.UpsertAsync<Penalty>(
        [
            new("P-1", E[1], PenaltyKind.Fine, 20_000, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 5), "市场监管局"),
            new("P-2", E[2], PenaltyKind.Warning, 0, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 4), "税务局"),
        ]);
        await store.UpsertAsync<ListEntry>(
        [
            new("L-1", E[3], ListType.AbnormalOperation, new DateOnly(2025, 3, 1), null, "市场监管局"),
            new("L-2", E[4], ListType.SeriousViolation, new DateOnly(2024, 1, 1), null, "市场监管局"),
            new("L-3", E[5], ListType.AbnormalOperation, new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1), "市场监管局"),
        ]);
        return store;
    }

    public static async Task<GraphSnapshot> SnapshotAsync(string path)
    {
        await using var store = await CreateStoreAsync(path);
        return await GraphSnapshotLoader.LoadAsync(store);
    }
}
