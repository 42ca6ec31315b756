using System.Security.Cryptography;
using System.Text;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Tests.Support;

/// <summary>
/// What a store holds, as one line per record type: the count and a SHA-256 of the type's rows, sorted
/// ordinally. Two equal fingerprints mean the same rows in either store, whatever order it returns them in.
/// </summary>
public static class StoreFingerprint
{
    public static async Task<string> OfAsync(IGraphStore store)
    {
        var lines = new List<string>
        {
            await OfAsync<Enterprise>(store), await OfAsync<Person>(store), await OfAsync<LegalRepresentative>(store),
            await OfAsync<Executive>(store), await OfAsync<Shareholding>(store), await OfAsync<SupplyLink>(store),
            await OfAsync<Guarantee>(store), await OfAsync<Penalty>(store), await OfAsync<ListEntry>(store),
            await OfAsync<Commitment>(store), await OfAsync<RiskLabel>(store), await OfAsync<CreditRepair>(store),
            await OfAsync<Objection>(store), await OfAsync<ObjectionOutcome>(store),
        };
        return string.Join("\n", lines);
    }

    private static async Task<string> OfAsync<T>(IGraphStore store) where T : class
    {
        var rows = new List<string>();
        await foreach (var row in store.ReadAllAsync<T>()) rows.Add(row.ToString()!);
        rows.Sort(StringComparer.Ordinal);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows)));
        return $"{typeof(T).Name}: {rows.Count} rows, {await store.CountAsync<T>()} counted, sha256 {Convert.ToHexString(hash)[..16]}";
    }
}
