using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Supervision;

/// <summary>An enterprise a person represents (legal representative) or manages (executive).</summary>
public sealed record PersonRole(int Enterprise, RelationType Role);

public sealed record PersonCheckResult(string PersonKey, bool InGraph, IReadOnlyList<PersonListEntry> EntriesInForce, IReadOnlyList<PersonRole> Enterprises);

/// <summary>A listed person among an enterprise's legal representatives and executives.</summary>
public sealed record ListedOfficer(int Person, RelationType Role, IReadOnlyList<PersonListEntry> EntriesInForce);

/// <summary>Person list entries grouped by person key, for checks of many persons at once.</summary>
public sealed class PersonListIndex(IEnumerable<PersonListEntry> entries)
{
    private readonly Dictionary<string, PersonListEntry[]> _byPerson = entries.GroupBy(e => e.PersonKey, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderBy(e => e.RecordId, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    public IReadOnlyList<PersonListEntry> InForce(string personKey, DateOnly day) =>
        _byPerson.TryGetValue(personKey, out var all) ? all.Where(e => e.IsInForceOn(day)).ToArray() : [];
}

/// <summary>
/// Credit checks of natural persons (R89, R187, R189): seed 001 describes one run over 「9835家企业、15000个企业高管」.
/// A person is found by the keyed hash of the ID number, so the checked numbers are never stored or logged.
/// </summary>
public static class PersonChecks
{
    public const int MaxBatch = 20_000;

    public static PersonCheckResult Check(GraphSnapshot snapshot, PersonListIndex index, string personKey)
    {
        int node = snapshot.Ids.IdOf(personKey);
        var roles = new List<PersonRole>();
        bool inGraph = node != IdMap.NotFound && !snapshot.Ids.IsEnterprise(node);
        if (inGraph)
        {
            var graph = snapshot.Graph;
            for (int edge = graph.Offsets[node]; edge < graph.Offsets[node + 1]; edge++)
            {
                byte kind = graph.Kinds[edge];
                if (kind == EdgeKind.Outgoing(RelationType.LegalRepresentativeOf) || kind == EdgeKind.Outgoing(RelationType.ExecutiveOf))
                    roles.Add(new PersonRole(graph.Targets[edge], EdgeKind.TypeOf(kind)));
            }
        }
        return new PersonCheckResult(personKey, inGraph, index.InForce(personKey, snapshot.AsOf), roles);
    }

    /// <summary>The enterprise's legal representatives and executives with list entries in force.</summary>
    public static IReadOnlyList<ListedOfficer> ListedOfficersOf(GraphSnapshot snapshot, PersonListIndex index, int enterprise)
    {
        var graph = snapshot.Graph;
        var listed = new List<ListedOfficer>();
        for (int edge = graph.Offsets[enterprise]; edge < graph.Offsets[enterprise + 1]; edge++)
        {
            byte kind = graph.Kinds[edge];
            if (kind != EdgeKind.Incoming(RelationType.LegalRepresentativeOf) && kind != EdgeKind.Incoming(RelationType.ExecutiveOf)) continue;
            int person = graph.Targets[edge];
            var entries = index.InForce(snapshot.Ids.KeyOf(person), snapshot.AsOf);
            if (entries.Count > 0) listed.Add(new ListedOfficer(person, EdgeKind.TypeOf(kind), entries));
        }
        return listed;
    }
}
