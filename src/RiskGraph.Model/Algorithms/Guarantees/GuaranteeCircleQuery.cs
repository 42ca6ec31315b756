using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Guarantees;

/// <summary>How circles are ranked for analysts.</summary>
public enum CircleSort
{
    /// <summary>Contagion score, highest first.</summary>
    Risk,
    /// <summary>Members, most first.</summary>
    Size,
    /// <summary>Total guaranteed amount between members, largest first.</summary>
    Amount,
    /// <summary>Share of members with a negative record, highest first.</summary>
    NegativeShare,
}

/// <summary>Selecting and ranking guarantee circles: the list analysts page through. Ties always break by circle number.</summary>
public static class GuaranteeCircleQuery
{
    public static readonly IReadOnlyDictionary<string, CircleSort> SortNames = new Dictionary<string, CircleSort>
    {
        ["risk"] = CircleSort.Risk, ["size"] = CircleSort.Size, ["amount"] = CircleSort.Amount, ["negative_share"] = CircleSort.NegativeShare,
    };

    /// <param name="regionPrefix">Keep circles with a member whose region code starts with this (null: any).</param>
    /// <param name="industry">Keep circles with a member in this industry index (-1: any).</param>
    /// <param name="visibleRegions">Region indexes the caller may see (null: all); circles with no visible member are left out.</param>
    public static List<int> Select(
        GraphSnapshot snapshot, GuaranteeCirclesResult circles, int minSize, string? regionPrefix, int industry, CircleSort sort, bool[]? visibleRegions)
    {
        var a = snapshot.Enterprises;
        bool[]? regionMatch = null;
        if (regionPrefix is not null)
        {
            regionMatch = new bool[a.RegionCodes.Length];
            for (int r = 0; r < regionMatch.Length; r++) regionMatch[r] = a.RegionCodes[r].StartsWith(regionPrefix, StringComparison.Ordinal);
        }
        var selected = new List<int>();
        for (int c = 0; c < circles.CircleCount; c++)
        {
            if (circles.SizeOf(c) < minSize) continue;
            bool region = regionMatch is null, sector = industry < 0, visible = visibleRegions is null;
            foreach (int m in circles.MembersOf(c))
            {
                region |= regionMatch is not null && regionMatch[a.Region[m]];
                sector |= a.Industry[m] == industry;
                visible |= visibleRegions is not null && visibleRegions[a.Region[m]];
                if (region && sector && visible) break;
            }
            if (region && sector && visible) selected.Add(c);
        }
        Func<int, double> key = sort switch
        {
            CircleSort.Size => c => circles.SizeOf(c),
            CircleSort.Amount => c => circles.TotalAmount[c],
            CircleSort.NegativeShare => c => circles.NegativeShare(c),
            _ => c => circles.Contagion[c],
        };
        selected.Sort((x, y) => key(y).CompareTo(key(x)) is var order && order != 0 ? order : x.CompareTo(y));
        return selected;
    }

    /// <summary>Guarantees between members of one circle: (guarantor, guaranteed, amount), in the guarantors' slot order.</summary>
    public static List<(int Guarantor, int Guaranteed, double Amount)> Edges(GraphSnapshot snapshot, GuaranteeCirclesResult circles, int circle, int limit)
    {
        var graph = snapshot.Graph;
        byte outgoing = EdgeKind.Outgoing(Domain.RelationType.Guarantees);
        var edges = new List<(int, int, double)>();
        foreach (int v in circles.MembersOf(circle))
        {
            for (int e = graph.Offsets[v]; e < graph.Offsets[v + 1] && edges.Count < limit; e++)
            {
                int u = graph.Targets[e];
                if (graph.Kinds[e] == outgoing && u < snapshot.EnterpriseCount && u != v && circles.CircleOf[u] == circle)
                    edges.Add((v, u, graph.Weights[e]));
            }
        }
        return edges;
    }
}
