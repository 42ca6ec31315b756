namespace RiskGraph.Api.Contracts;

/// <summary>A guarantee between two listed enterprises: <paramref name="Guarantor"/> answers for <paramref name="Guaranteed"/>.</summary>
public sealed record GuaranteeEdgeResponse(string Guarantor, string Guaranteed, double Amount);

/// <summary>A guarantee circle (担保圈): enterprises that, through chains of guarantees, all guarantee each other.</summary>
/// <param name="CircleId">The circle's number in the served snapshot (circles are numbered by their smallest member).</param>
/// <param name="TotalAmount">Sum of the guaranteed amounts between members, CNY.</param>
/// <param name="LargestAmount">The largest single guarantee between members, CNY.</param>
/// <param name="NegativeShare">Share of members with a negative record.</param>
/// <param name="MutualPairs">Pairs of members guaranteeing each other (互保).</param>
/// <param name="Triangles">Guarantee triangles among members.</param>
/// <param name="ContagionScore">Mean default stress of the members after spreading in rounds over guarantees, weighted by amount over registered capital; 0..1.</param>
/// <param name="Industries">Members per industry code.</param>
/// <param name="Regions">Members per region code.</param>
/// <param name="Members">Members the caller may see, riskiest first, at most the route's limit.</param>
/// <param name="MembersTruncated">More visible members exist than are listed.</param>
public sealed record GuaranteeCircleResponse(
    int CircleId, int Size, double TotalAmount, double LargestAmount, int NegativeMembers, double NegativeShare, int MutualPairs, int Triangles,
    double ContagionScore, int ContagionRounds, IReadOnlyDictionary<string, int> Industries, IReadOnlyDictionary<string, int> Regions,
    IReadOnlyList<EnterpriseSummary> Members, bool MembersTruncated);

/// <summary>A page of guarantee circles.</summary>
public sealed record GuaranteeCirclesPage(string Sort, int Page, int PageSize, int Total, IReadOnlyList<GuaranteeCircleResponse> Items);

/// <summary>An enterprise's place in the guarantee network.</summary>
/// <param name="InCircle">Whether a chain of guarantees leads back to it.</param>
/// <param name="MutualPartners">Enterprises it guarantees that guarantee it back.</param>
/// <param name="Triangles">Guarantee triangles it is part of.</param>
/// <param name="Stress">Its own default stress after the contagion rounds; 0..1.</param>
/// <param name="Circle">Its circle, null when in none.</param>
/// <param name="Guarantees">Guarantees between the listed members, for drawing the circle.</param>
public sealed record EnterpriseCircleResponse(
    string Uscc, bool InCircle, int MutualPartners, int Triangles, double Stress, GuaranteeCircleResponse? Circle,
    IReadOnlyList<GuaranteeEdgeResponse> Guarantees);

/// <summary>The top controller of a group: a person (by keyed hash and display name, never an ID number) or an enterprise.</summary>
/// <param name="Kind">person or enterprise.</param>
public sealed record GroupControllerResponse(string Id, string Kind, string Label);

public sealed record InternalLinksResponse(int Count, double Amount);

/// <summary>A conglomerate (系族): the enterprises under one top controller.</summary>
/// <param name="GroupId">The top controller's key (USCC or person key): stable across reloads.</param>
/// <param name="TotalRegisteredCapital">CNY.</param>
/// <param name="Classes">Members per credit class.</param>
public sealed record GroupResponse(
    string GroupId, GroupControllerResponse Controller, int Size, double TotalRegisteredCapital, int NegativeMembers, double NegativeShare,
    IReadOnlyDictionary<string, int> Classes, IReadOnlyDictionary<string, int> Industries, IReadOnlyDictionary<string, int> Regions,
    InternalLinksResponse InternalGuarantees, InternalLinksResponse InternalSupplyLinks);

public sealed record GroupsPage(int Page, int PageSize, int Total, IReadOnlyList<GroupResponse> Items);

/// <summary>A member of a group with where it sits in the control tree.</summary>
/// <param name="Depth">Control links from the top controller down to it (0 for the controller itself).</param>
/// <param name="ControlledBy">The key of its immediate controller, null for the top.</param>
public sealed record GroupMemberResponse(EnterpriseSummary Enterprise, int Depth, string? ControlledBy);

public sealed record GroupDetailResponse(GroupResponse Group, IReadOnlyList<GroupMemberResponse> Members, bool MembersTruncated);

/// <summary>The group an enterprise belongs to, as shown in its warning and credit file.</summary>
public sealed record GroupMembershipResponse(string GroupId, GroupControllerResponse Controller, int Size, double NegativeShare, int Depth);

/// <summary>One enterprise of a person.</summary>
/// <param name="Roles">legal_representative, executive, shareholder.</param>
/// <param name="Share">The person's direct share, null when not a shareholder.</param>
public sealed record PersonHoldingResponse(EnterpriseSummary Enterprise, IReadOnlyList<string> Roles, double? Share, bool Negative);

/// <summary>Every enterprise a person represents, manages or holds; the person by keyed hash and display name only.</summary>
public sealed record PersonEnterprisesResponse(
    string PersonKey, string DisplayName, int Total, int NegativeEnterprises, IReadOnlyList<PersonHoldingResponse> Enterprises);

/// <summary>A member of a supply chain view.</summary>
/// <param name="Tier">-h for a supplier h links up, +h for a buyer h links down.</param>
public sealed record ChainMemberResponse(EnterpriseSummary Enterprise, int Tier, bool Negative);

public sealed record SupplyLinkResponse(string Supplier, string Buyer, double Amount);

/// <summary>The chain around a core enterprise (R139-R141) and the risk that reaches it along it.</summary>
/// <param name="UpstreamRisk">Risk reaching the core from its suppliers' chain, decayed per hop.</param>
/// <param name="DownstreamRisk">Risk reaching the core from its buyers' chain, decayed per hop.</param>
public sealed record SupplyChainResponse(
    EnterpriseSummary Core, int Depth, double UpstreamRisk, double DownstreamRisk, double RiskScore, int UpstreamCount, int DownstreamCount,
    int NegativeUpstream, int NegativeDownstream, IReadOnlyList<ChainMemberResponse> Members, IReadOnlyList<SupplyLinkResponse> Links, bool Truncated);

/// <summary>The group of an enterprise as the warning shows it to every caller: no person is named there.</summary>
/// <param name="ControllerKind">person or enterprise.</param>
public sealed record GroupSummaryResponse(string GroupId, string ControllerKind, int Size, double NegativeShare, int Depth);

