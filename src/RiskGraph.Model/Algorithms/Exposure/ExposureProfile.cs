using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Algorithms.Exposure;

/// <summary>
/// The risky (negative-record) enterprises within k hops of one node. A risky enterprise is counted once in the
/// totals and once under every first-hop relation type that starts one of its shortest paths, so the per-type
/// counts can add up to more than the total.
/// </summary>
/// <param name="ReachedEnterprises">Enterprises within k hops, the node itself excluded.</param>
/// <param name="RiskyByHop">Index h-1: risky enterprises exactly h hops away.</param>
/// <param name="RiskyByRelationType">Index (int)<see cref="RelationType"/> of the first hop.</param>
/// <param name="RiskyByFirstHopKind">Index <see cref="Graph.EdgeKind"/>: first-hop type and direction.</param>
/// <param name="HubsNotExpanded">Reached nodes whose relations were not followed because of the hub cap.</param>
/// <param name="Contacts">The first risky enterprises in breadth-first order, at most MaxListedContacts.</param>
public sealed record ExposureProfile(
    int Node,
    int Hops,
    int ReachedEnterprises,
    int RiskyEnterprises,
    int[] RiskyByHop,
    int[] RiskyByRelationType,
    int[] RiskyByFirstHopKind,
    int HubsNotExpanded,
    IReadOnlyList<RiskyContact> Contacts);
