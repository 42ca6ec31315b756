using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Supervision;

/// <summary>One enterprise of a person, with every role the person has there.</summary>
/// <param name="Share">The direct share the person holds, null when not a shareholder.</param>
public sealed record PersonEnterprise(int Enterprise, IReadOnlyList<RelationType> Roles, double? Share);

/// <summary>
/// "All companies of a person": every enterprise a person represents, manages or holds shares in, read from the
/// person's own edge slots (a few dozen at most for real persons), in the order the store gave them.
/// </summary>
public static class PersonView
{
    public static IReadOnlyList<PersonEnterprise> EnterprisesOf(GraphSnapshot snapshot, int person)
    {
        if (person < snapshot.EnterpriseCount || person >= snapshot.Graph.NodeCount)
            throw new ArgumentOutOfRangeException(nameof(person), person, "Not a person id.");
        var graph = snapshot.Graph;
        var order = new List<int>();
        var roles = new Dictionary<int, (List<RelationType> Roles, double? Share)>();
        for (int e = graph.Offsets[person]; e < graph.Offsets[person + 1]; e++)
        {
            byte kind = graph.Kinds[e];
            int enterprise = graph.Targets[e];
            if (EdgeKind.IsIncoming(kind) || enterprise >= snapshot.EnterpriseCount) continue;
            var type = EdgeKind.TypeOf(kind);
            if (type is not (RelationType.LegalRepresentativeOf or RelationType.ExecutiveOf or RelationType.ShareholderOf)) continue;
            if (!roles.TryGetValue(enterprise, out var entry))
            {
                entry = ([], null);
                order.Add(enterprise);
            }
            if (!entry.Roles.Contains(type)) entry.Roles.Add(type);
            if (type == RelationType.ShareholderOf) entry.Share = (entry.Share ?? 0) + Math.Round(graph.Weights[e], 6);
            roles[enterprise] = entry;
        }
        var result = new PersonEnterprise[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            var (list, share) = roles[order[i]];
            list.Sort();
            result[i] = new PersonEnterprise(order[i], list, share);
        }
        return result;
    }
}
