using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Graph;

/// <summary>
/// Reads a store into a <see cref="GraphSnapshot"/>. Stores return rows ordered by key, so two stores holding the
/// same data give identical snapshots. The API passes its clock's date as <c>asOf</c>; without one (training, bench
/// on a historical dump) the records are evaluated on the latest record date in the store.
/// </summary>
public static class GraphSnapshotLoader
{
    public static async Task<GraphSnapshot> LoadAsync(
        IGraphStore store, DateOnly? asOf = null, CancellationToken cancellationToken = default, PublicationPeriods? periods = null)
    {
        var enterprises = await ReadAsync<Enterprise>(store, cancellationToken);
        // Persons are the largest table: keep only their keys and display names, not a record (and masked id) each.
        var personKeys = new List<string>();
        var personNames = new List<string>();
        await foreach (var person in store.ReadAllAsync<Person>(cancellationToken))
        {
            personKeys.Add(person.PersonKey);
            personNames.Add(person.DisplayName);
        }
        var keys = new string[enterprises.Count + personKeys.Count];
        for (int i = 0; i < enterprises.Count; i++) keys[i] = enterprises[i].Uscc;
        personKeys.CopyTo(keys, enterprises.Count);
        var ids = new IdMap(keys, enterprises.Count);

        var builder = new CsrGraphBuilder(keys.Length);
        await foreach (var r in store.ReadAllAsync<LegalRepresentative>(cancellationToken))
            builder.Add(Require(ids, r.PersonKey), Require(ids, r.Uscc), RelationType.LegalRepresentativeOf, 1f);
        await foreach (var r in store.ReadAllAsync<Executive>(cancellationToken))
            builder.Add(Require(ids, r.PersonKey), Require(ids, r.Uscc), RelationType.ExecutiveOf, 1f);
        await foreach (var r in store.ReadAllAsync<Shareholding>(cancellationToken))
            builder.Add(Require(ids, r.HolderKey), Require(ids, r.Uscc), RelationType.ShareholderOf, (float)r.Share);
        await foreach (var r in store.ReadAllAsync<SupplyLink>(cancellationToken))
            builder.Add(Require(ids, r.SupplierUscc), Require(ids, r.BuyerUscc), RelationType.SuppliesTo, (float)r.AnnualAmount);
        await foreach (var r in store.ReadAllAsync<Guarantee>(cancellationToken))
            builder.Add(Require(ids, r.GuarantorUscc), Require(ids, r.GuaranteedUscc), RelationType.Guarantees, (float)r.Amount);

        var penalties = await ReadAsync<Penalty>(store, cancellationToken);
        var listEntries = await ReadAsync<ListEntry>(store, cancellationToken);
        var day = asOf ?? LatestRecordDate(enterprises, penalties, listEntries);

        var ledger = new CreditLedger(
            enterprises.Count, uscc => Require(ids, uscc), day, penalties, listEntries,
            await ReadAsync<Commitment>(store, cancellationToken), await ReadAsync<CreditRepair>(store, cancellationToken),
            await ReadAsync<Objection>(store, cancellationToken), await ReadAsync<ObjectionOutcome>(store, cancellationToken),
            periods, enterprises.Select(e => e.Status).ToArray(), await ReadAsync<Inspection>(store, cancellationToken));

        var credit = new CreditProfile(enterprises.Count);
        for (int e = 0; e < enterprises.Count; e++) credit.Add(e, ledger, day);
        var classes = CreditClassifier.ClassifyAll(ledger, enterprises.Count);

        return new GraphSnapshot(ids, builder.Build(), BuildAttributes(enterprises, day), credit, ledger, classes, day,
            personNames.ToArray());
    }

    private static EnterpriseAttributes BuildAttributes(List<Enterprise> enterprises, DateOnly asOf)
    {
        string[] industries = enterprises.Select(e => e.Industry).Distinct().Order(StringComparer.Ordinal).ToArray();
        string[] regions = enterprises.Select(e => e.Region).Distinct().Order(StringComparer.Ordinal).ToArray();
        int n = enterprises.Count;
        var names = new string[n];
        var industry = new int[n];
        var region = new int[n];
        var capital = new float[n];
        var age = new float[n];
        var status = new byte[n];
        for (int i = 0; i < n; i++)
        {
            var e = enterprises[i];
            names[i] = e.Name;
            industry[i] = Array.BinarySearch(industries, e.Industry, StringComparer.Ordinal);
            region[i] = Array.BinarySearch(regions, e.Region, StringComparer.Ordinal);
            capital[i] = (float)e.RegisteredCapital;
            age[i] = e.Founded is { } founded ? (asOf.DayNumber - founded.DayNumber) / 365.25f : float.NaN;
            status[i] = (byte)e.Status;
        }
        return new EnterpriseAttributes(names, industry, region, industries, regions, capital, age, status);
    }

    private static DateOnly LatestRecordDate(List<Enterprise> enterprises, List<Penalty> penalties, List<ListEntry> listEntries)
    {
        var latest = DateOnly.MinValue;
        foreach (var e in enterprises) if (e.Founded > latest) latest = e.Founded.Value;
        foreach (var p in penalties) if (p.PublicationDate > latest) latest = p.PublicationDate;
        foreach (var l in listEntries) if (l.ValidFrom > latest) latest = l.ValidFrom;
        return latest == DateOnly.MinValue ? new DateOnly(2000, 1, 1) : latest;
    }

    private static async Task<List<T>> ReadAsync<T>(IGraphStore store, CancellationToken cancellationToken) where T : class
    {
        var rows = new List<T>();
        await foreach (var row in store.ReadAllAsync<T>(cancellationToken)) rows.Add(row);
        return rows;
    }

    private static int Require(IdMap ids, string key)
    {
        int id = ids.IdOf(key);
        return id != IdMap.NotFound ? id : throw new InvalidDataException($"The store refers to {key}, which it does not hold.");
    }
}
