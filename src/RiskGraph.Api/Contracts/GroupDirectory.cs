using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;

namespace RiskGraph.Api.Contracts;

/// <summary>
/// Stable public ids of the conglomerates of one served state: "g_" and 24 hex digits of the SHA-256 of the top
/// controller's key. Derived from the controller, so an id survives reloads; hashed, so a warning sent to a bank's
/// system names the group without handing out a person key. Built once per groups result and kept beside it.
/// </summary>
public sealed class GroupDirectory
{
    private static readonly ConditionalWeakTable<ConglomerateGroupsResult, GroupDirectory> Cache = new();
    private readonly Dictionary<string, int> _byId;

    private GroupDirectory(GraphSnapshot snapshot, ConglomerateGroupsResult groups)
    {
        Ids = new string[groups.GroupCount];
        _byId = new Dictionary<string, int>(groups.GroupCount, StringComparer.Ordinal);
        for (int g = 0; g < groups.GroupCount; g++)
        {
            byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes("group:" + snapshot.Ids.KeyOf(groups.Controller[g])));
            Ids[g] = "g_" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
            _byId[Ids[g]] = g;
        }
    }

    public string[] Ids { get; }

    public static GroupDirectory For(GraphSnapshot snapshot, ConglomerateGroupsResult groups) => Cache.GetValue(groups, g => new GroupDirectory(snapshot, g));

    public int GroupOf(string id) => _byId.TryGetValue(id, out int g) ? g : -1;

    public static GroupControllerResponse Controller(GraphSnapshot snapshot, int node) =>
        new(snapshot.Ids.KeyOf(node), snapshot.Ids.IsEnterprise(node) ? "enterprise" : "person", snapshot.LabelOf(node));

    public static GroupSummaryResponse? SummaryOf(GraphSnapshot snapshot, ConglomerateGroupsResult groups, int enterprise)
    {
        int g = enterprise < groups.GroupOf.Length ? groups.GroupOf[enterprise] : -1;
        if (g < 0) return null;
        return new GroupSummaryResponse(For(snapshot, groups).Ids[g], snapshot.Ids.IsEnterprise(groups.Controller[g]) ? "enterprise" : "person",
            groups.SizeOf(g), Math.Round(groups.NegativeShare(g), 6), groups.Depth[enterprise]);
    }

    public static GroupMembershipResponse? MembershipOf(GraphSnapshot snapshot, ConglomerateGroupsResult groups, int enterprise)
    {
        int g = enterprise < groups.GroupOf.Length ? groups.GroupOf[enterprise] : -1;
        if (g < 0) return null;
        return new GroupMembershipResponse(For(snapshot, groups).Ids[g], Controller(snapshot, groups.Controller[g]), groups.SizeOf(g),
            Math.Round(groups.NegativeShare(g), 6), groups.Depth[enterprise]);
    }

    /// <summary>The group's figures; industries, regions and classes counted over all members.</summary>
    public GroupResponse Describe(GraphSnapshot snapshot, ConglomerateGroupsResult groups, int g)
    {
        var a = snapshot.Enterprises;
        var members = groups.MembersOf(g).ToArray();
        return new GroupResponse(Ids[g], Controller(snapshot, groups.Controller[g]), members.Length, Math.Round(groups.TotalCapital[g], 2),
            groups.NegativeMembers[g], Math.Round(groups.NegativeShare(g), 6),
            Count(members, e => snapshot.Classes[e].Name()), Count(members, e => a.IndustryCodes[a.Industry[e]]),
            Count(members, e => a.RegionCodes[a.Region[e]]),
            new InternalLinksResponse(groups.InternalGuarantees[g], Math.Round(groups.InternalGuaranteeAmount[g], 2)),
            new InternalLinksResponse(groups.InternalSupplyLinks[g], Math.Round(groups.InternalSupplyAmount[g], 2)));
    }

    /// <summary>Members per key, most first, ties by key.</summary>
    public static IReadOnlyDictionary<string, int> Count(IEnumerable<int> members, Func<int, string> key) =>
        members.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}
