using System.Text.Json;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Model.Tests.Storage;

/// <summary>Comparisons of whole stores, snapshots and network views, with messages that say what differs.</summary>
internal static class StoreAssert
{
    public static async Task<List<T>> ReadAllAsync<T>(IGraphStore store) where T : class
    {
        var rows = new List<T>();
        await foreach (var row in store.ReadAllAsync<T>()) rows.Add(row);
        return rows;
    }

    /// <summary>Every record type reads back exactly (values and order) as <paramref name="expected"/>, and counts agree.</summary>
    public static async Task HoldsAsync(IGraphStore store, StoreContents expected)
    {
        await EqualRowsAsync(store, expected.Enterprises);
        await EqualRowsAsync(store, expected.Persons);
        await EqualRowsAsync(store, expected.LegalRepresentatives);
        await EqualRowsAsync(store, expected.Executives);
        await EqualRowsAsync(store, expected.Shareholdings);
        await EqualRowsAsync(store, expected.SupplyLinks);
        await EqualRowsAsync(store, expected.Guarantees);
        await EqualRowsAsync(store, expected.Penalties);
        await EqualRowsAsync(store, expected.ListEntries);
        await EqualRowsAsync(store, expected.RiskLabels);
        await EqualRowsAsync(store, expected.Commitments);
        await EqualRowsAsync(store, expected.CreditRepairs);
        await EqualRowsAsync(store, expected.Objections);
        await EqualRowsAsync(store, expected.ObjectionOutcomes);
        await EqualRowsAsync(store, expected.Inspections);
        await EqualRowsAsync(store, expected.PersonListEntries);
    }

    public static async Task EqualRowsAsync<T>(IGraphStore store, IReadOnlyList<T> expected) where T : class
    {
        var actual = await ReadAllAsync<T>(store);
        // Assert.Equal on the lists names the first differing index and both records.
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Count, await store.CountAsync<T>());
    }

    /// <summary>Two snapshots are the same graph: ids, CSR arrays, enterprise attributes and credit profiles.</summary>
    public static void SameSnapshot(GraphSnapshot expected, GraphSnapshot actual)
    {
        Assert.Equal(expected.AsOf, actual.AsOf);
        Assert.Equal(expected.Ids.NodeCount, actual.Ids.NodeCount);
        Assert.Equal(expected.Ids.EnterpriseCount, actual.Ids.EnterpriseCount);
        for (int id = 0; id < expected.Ids.NodeCount; id++) Assert.Equal(expected.Ids.KeyOf(id), actual.Ids.KeyOf(id));

        Assert.Equal(expected.Graph.Offsets, actual.Graph.Offsets);
        Assert.Equal(expected.Graph.Targets, actual.Graph.Targets);
        Assert.Equal(expected.Graph.Kinds, actual.Graph.Kinds);
        Assert.Equal(expected.Graph.Weights, actual.Graph.Weights);

        var e = expected.Enterprises;
        var a = actual.Enterprises;
        Assert.Equal(e.Names, a.Names);
        Assert.Equal(e.Industry, a.Industry);
        Assert.Equal(e.Region, a.Region);
        Assert.Equal(e.IndustryCodes, a.IndustryCodes);
        Assert.Equal(e.RegionCodes, a.RegionCodes);
        Assert.Equal(e.RegisteredCapital, a.RegisteredCapital);
        Assert.Equal(e.AgeYears, a.AgeYears);
        Assert.Equal(e.Status, a.Status);

        Assert.Equal(-1, expected.Credit.FirstDifferenceFrom(actual.Credit));

        // The ledger derives each record's status from repairs and objections, and the classes from the ledger.
        Assert.Equal(expected.Classes.ToArray(), actual.Classes.ToArray());
        for (int enterprise = 0; enterprise < expected.Ids.EnterpriseCount; enterprise++)
        {
            Assert.Equal(StatusesOf(expected, enterprise), StatusesOf(actual, enterprise));
            Assert.Equal(expected.Ledger.CommitmentsOf(enterprise).ToArray(), actual.Ledger.CommitmentsOf(enterprise).ToArray());
        }
    }

    private static List<string> StatusesOf(GraphSnapshot snapshot, int enterprise)
    {
        var statuses = new List<string>();
        foreach (var p in snapshot.Ledger.PenaltiesOf(enterprise)) statuses.Add($"{p.RecordId}:{snapshot.Ledger.StatusOf(p)}");
        foreach (var l in snapshot.Ledger.ListEntriesOf(enterprise)) statuses.Add($"{l.RecordId}:{snapshot.Ledger.StatusOf(l)}");
        return statuses;
    }

    /// <summary>
    /// Network views compared through their JSON: the records hold lists, whose record equality is by reference,
    /// and JSON writes doubles in round-trip form, so equal text means equal values.
    /// </summary>
    public static void SameView(NetworkView expected, NetworkView actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    /// <summary>Node ids with their hop counts, in the view's order.</summary>
    public static IReadOnlyList<(string Id, int Hops)> NodesOf(NetworkView view) => view.Nodes.Select(n => (n.Id, n.Hops)).ToList();

    /// <summary>The expected node list in the order NetworkCollector produces: by hops, then id.</summary>
    public static IReadOnlyList<(string Id, int Hops)> Ordered(params (string Id, int Hops)[] nodes) =>
        nodes.OrderBy(n => n.Hops).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
}

/// <summary>The full expected contents of a store, one list per record type in key order.</summary>
internal sealed record StoreContents(
    IReadOnlyList<Enterprise> Enterprises,
    IReadOnlyList<Person> Persons,
    IReadOnlyList<LegalRepresentative> LegalRepresentatives,
    IReadOnlyList<Executive> Executives,
    IReadOnlyList<Shareholding> Shareholdings,
    IReadOnlyList<SupplyLink> SupplyLinks,
    IReadOnlyList<Guarantee> Guarantees,
    IReadOnlyList<Penalty> Penalties,
    IReadOnlyList<ListEntry> ListEntries,
    IReadOnlyList<RiskLabel> RiskLabels,
    IReadOnlyList<Commitment> Commitments,
    IReadOnlyList<CreditRepair> CreditRepairs,
    IReadOnlyList<Objection> Objections,
    IReadOnlyList<ObjectionOutcome> ObjectionOutcomes,
    IReadOnlyList<Inspection>? InspectionRows = null,
    IReadOnlyList<PersonListEntry>? PersonListRows = null)
{
    public IReadOnlyList<Inspection> Inspections => InspectionRows ?? [];

    public IReadOnlyList<PersonListEntry> PersonListEntries => PersonListRows ?? [];

    public static StoreContents OfContractData => new(
        ContractData.SortedEnterprises, ContractData.SortedPersons, ContractData.SortedLegalRepresentatives,
        ContractData.SortedExecutives, ContractData.SortedShareholdings, ContractData.SortedSupplyLinks,
        ContractData.SortedGuarantees, ContractData.SortedPenalties, ContractData.SortedListEntries, ContractData.SortedRiskLabels,
        ContractData.SortedCommitments, ContractData.SortedCreditRepairs, ContractData.SortedObjections,
        ContractData.SortedObjectionOutcomes, ContractData.SortedInspections, ContractData.SortedPersonListEntries);
}

/// <summary>A folder under the system temp folder, deleted with everything in it on disposal.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("riskgraph-store-tests-").FullName;

    public SqliteGraphStore NewSqliteStore(string name = "store.db") => new(System.IO.Path.Combine(Path, name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves litter in the temp folder; it must not fail the test.
        }
    }
}
