using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Supervision;

/// <summary>A list entry in force on the publication day, with its enterprise's dense id.</summary>
public sealed record PublishedEntry(int Enterprise, ListEntry Entry, RecordStatus Status);

/// <summary>
/// The entries of one list in force on a day, for publication (R93, R96, R245): every list by its own name, plus
/// "red" and "black", the two lists seed 000 has published (「保稅區(qū)域誠信示范企業(yè)名單和嚴重失信主體名單」).
/// Withdrawn (repaired, revoked) and expired entries are never published; corrected ones at their corrected dates.
/// The red list is published only for enterprises whose class on that day is still good: an exemplary-integrity
/// listing next to a current penalty would reward a dishonest subject.
/// </summary>
public static class ListPublication
{
    public const string Red = "red";
    public const string Black = "black";

    public static IReadOnlyList<string> Names { get; } = [.. DomainNames.AllListTypes, Red, Black];

    public static bool TryParse(string name, out ListType list)
    {
        list = name switch { Red => ListType.RedList, Black => ListType.SeriousDishonesty, _ => default };
        return name is Red or Black || DomainNames.TryParse(name, out list);
    }

    /// <param name="region">A region code or its prefix (2 digits: province, 4: city, 6: district); null for all.</param>
    public static IReadOnlyList<PublishedEntry> InForce(GraphSnapshot snapshot, CreditLedger ledger, string listName, string? region)
    {
        if (!TryParse(listName, out var list)) throw new ArgumentException($"Unknown list '{listName}'.", nameof(listName));
        bool redOnlyIfGood = list == ListType.RedList;
        var entries = new List<PublishedEntry>();
        for (int e = 0; e < snapshot.EnterpriseCount; e++)
        {
            if (!InRegion(snapshot, e, region)) continue;
            CreditClass? cls = null;
            foreach (var entry in ledger.ListEntriesOf(e))
            {
                if (entry.ListType != list) continue;
                var status = ledger.StatusOf(entry);
                if (!status.IsPublished()) continue;
                if (redOnlyIfGood && (cls ??= CreditClassifier.Classify(ledger, e).Class) != CreditClass.Good) continue;
                entries.Add(new PublishedEntry(e, entry, status));
            }
        }
        // Newest determinations first, then by record id, so pages are stable.
        entries.Sort((a, b) => b.Entry.ValidFrom.CompareTo(a.Entry.ValidFrom) is var c and not 0 ? c : string.CompareOrdinal(a.Entry.RecordId, b.Entry.RecordId));
        return entries;
    }

    public static bool InRegion(GraphSnapshot snapshot, int enterprise, string? region) =>
        region is null || snapshot.Enterprises.RegionCodes[snapshot.Enterprises.Region[enterprise]].StartsWith(region, StringComparison.Ordinal);

    /// <summary>Null when <paramref name="region"/> is a usable region filter, else why not.</summary>
    public static string? ValidateRegion(string? region) =>
        region is null || (region.Length is 2 or 4 or 6 && region.All(char.IsAsciiDigit))
            ? null
            : "region must be a 6-digit administrative division code or its 2- or 4-digit prefix.";
}
