using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Import;

/// <summary>Enterprises under different USCCs that one rule cannot tell apart: to review, never merged.</summary>
public sealed record NearDuplicateGroup(string Rule, double Confidence, IReadOnlyList<string> Usccs, IReadOnlyList<string> Names);

/// <summary>The entity-resolution part of data quality: how many stored enterprises look like one another.</summary>
/// <param name="GroupsByRule">Groups per rule: registration_no (one number on several USCCs), name_exact, name_normalized, name_region_moved.</param>
/// <param name="ForReview">The groups themselves, most certain rule first, at most <see cref="NearDuplicates.MaxListed"/>.</param>
public sealed record EntityResolutionQuality(
    int Enterprises, int WithRegistrationNo, int AmbiguousGroups, int EnterprisesInGroups, IReadOnlyDictionary<string, int> GroupsByRule,
    IReadOnlyList<NearDuplicateGroup> ForReview);

public static class NearDuplicates
{
    public const int MaxListed = 100;

    public static EntityResolutionQuality Find(IReadOnlyList<Enterprise> enterprises)
    {
        var byNumber = new Dictionary<string, List<Enterprise>>(StringComparer.Ordinal);
        var byCanonical = new Dictionary<string, List<Enterprise>>(StringComparer.Ordinal);
        var byRegionCore = new Dictionary<string, List<(Enterprise Enterprise, string Canonical)>>(StringComparer.Ordinal);
        int withNumber = 0;
        foreach (var e in enterprises)
        {
            if (e.RegistrationNo is { Length: > 0 } number)
            {
                withNumber++;
                Add(byNumber, number, e);
            }
            string canonical = EnterpriseNames.Canonical(e.Name);
            Add(byCanonical, canonical, e);
            var (region, core) = EnterpriseNames.Split(canonical);
            if (region is not null) Add(byRegionCore, region + "|" + core, (e, canonical));
        }

        var groups = new List<NearDuplicateGroup>();
        foreach (var list in byNumber.Values.Where(l => l.Count > 1)) groups.Add(Group("registration_no", list));
        foreach (var list in byCanonical.Values.Where(l => l.Count > 1))
            groups.Add(Group(list.Select(e => e.Name).Distinct().Count() == 1 ? "name_exact" : "name_normalized", list));
        // Only spellings that differ beyond width, brackets and legal form: the others are a name_normalized group already.
        foreach (var list in byRegionCore.Values.Where(l => l.Select(x => x.Canonical).Distinct().Count() > 1))
            groups.Add(Group("name_region_moved", list.Select(x => x.Enterprise).ToList()));

        var ordered = groups.OrderByDescending(g => g.Confidence).ThenBy(g => g.Usccs[0], StringComparer.Ordinal).ToArray();
        var byRule = ordered.GroupBy(g => g.Rule).ToDictionary(g => g.Key, g => g.Count());
        int inGroups = ordered.SelectMany(g => g.Usccs).Distinct().Count();
        return new EntityResolutionQuality(enterprises.Count, withNumber, ordered.Length, inGroups, byRule, ordered.Take(MaxListed).ToArray());
    }

    private static NearDuplicateGroup Group(string rule, List<Enterprise> list)
    {
        var sorted = list.OrderBy(e => e.Uscc, StringComparer.Ordinal).ToArray();
        return new NearDuplicateGroup(rule, EntityMatch.Confidences[rule], sorted.Select(e => e.Uscc).ToArray(), sorted.Select(e => e.Name).ToArray());
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }
}
