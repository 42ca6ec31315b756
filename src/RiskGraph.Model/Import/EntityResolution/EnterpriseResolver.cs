using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Import;

/// <summary>
/// Finds the USCC a reference means: the code itself, an old 15-digit registration number (注册号), or a name as
/// some department spelled it (<see cref="EnterpriseNames"/>). Rules are tried from the most certain down; the first
/// rule that finds anything decides, and finding two enterprises makes the reference ambiguous rather than a guess.
/// Not thread-safe while enterprises are being added; read-only use afterwards is.
/// </summary>
public sealed class EnterpriseResolver
{
    private readonly HashSet<string> _usccs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _byRegistration = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _byCanonical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _byRegionCore = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Uscc, string? Region)>> _byCore = new(StringComparer.Ordinal);

    public EnterpriseResolver(IEnumerable<Enterprise>? enterprises = null)
    {
        foreach (var e in enterprises ?? []) Add(e.Uscc, e.Name, e.RegistrationNo);
    }

    public int Count => _usccs.Count;

    public void Add(string uscc, string name, string? registrationNo)
    {
        if (!_usccs.Add(uscc)) return;
        if (registrationNo is { Length: > 0 }) Bucket(_byRegistration, registrationNo.Trim()).Add(uscc);
        Bucket(_byName, name.Trim()).Add(uscc);
        string canonical = EnterpriseNames.Canonical(name);
        Bucket(_byCanonical, canonical).Add(uscc);
        var (region, core) = EnterpriseNames.Split(canonical);
        if (region is not null) Bucket(_byRegionCore, region + "|" + core).Add(uscc);
        if (!_byCore.TryGetValue(core, out var list)) _byCore[core] = list = [];
        list.Add((uscc, region));
    }

    public bool Contains(string uscc) => _usccs.Contains(uscc);

    /// <summary>A 15-digit business registration number, the identifier before the USCC (GB 32100-2015).</summary>
    public static bool IsRegistrationNumber(string text) => text.Length == 15 && text.All(char.IsAsciiDigit);

    public EntityMatch Resolve(string reference)
    {
        string text = reference.Trim();
        if (Uscc.Validate(text) is null)
            return _usccs.Contains(text) ? Found(text, "uscc", [text]) : new EntityMatch(text, MatchOutcome.NotFound, null, "uscc", 0, []);
        if (IsRegistrationNumber(text))
            return _byRegistration.TryGetValue(text, out var byNumber) ? Found(text, "registration_no", byNumber)
                : new EntityMatch(text, MatchOutcome.NotFound, null, "registration_no", 0, []);
        if (_byName.TryGetValue(text, out var exact)) return Found(text, "name_exact", exact);
        string canonical = EnterpriseNames.Canonical(text);
        if (_byCanonical.TryGetValue(canonical, out var same)) return Found(text, "name_normalized", same);
        var (region, core) = EnterpriseNames.Split(canonical);
        if (region is not null && _byRegionCore.TryGetValue(region + "|" + core, out var moved)) return Found(text, "name_region_moved", moved);
        if (_byCore.TryGetValue(core, out var cores))
        {
            // One side names a region, the other none: plausibly the same enterprise, never certainly.
            var missing = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (uscc, otherRegion) in cores)
                if ((region is null) != (otherRegion is null)) missing.Add(uscc);
            if (missing.Count > 0) return Found(text, "name_region_missing", missing);
        }
        return new EntityMatch(text, MatchOutcome.NotFound, null, "name", 0, []);
    }

    private static EntityMatch Found(string input, string rule, IReadOnlyCollection<string> candidates)
    {
        double confidence = EntityMatch.Confidences[rule];
        var list = candidates.ToArray();
        if (list.Length > 1) return new EntityMatch(input, MatchOutcome.Ambiguous, null, rule, confidence / list.Length, list);
        return new EntityMatch(input, confidence >= EntityMatch.AutomaticConfidence ? MatchOutcome.Matched : MatchOutcome.Review,
            confidence >= EntityMatch.AutomaticConfidence ? list[0] : null, rule, confidence, list);
    }

    private static SortedSet<string> Bucket(Dictionary<string, SortedSet<string>> index, string key)
    {
        if (!index.TryGetValue(key, out var set)) index[key] = set = new SortedSet<string>(StringComparer.Ordinal);
        return set;
    }
}
