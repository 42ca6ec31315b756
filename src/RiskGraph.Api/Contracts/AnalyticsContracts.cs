using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Api.Contracts;

/// <summary>A node of an explicit path: enterprises with industry and region, persons by keyed hash and display name.</summary>
public sealed record PathNode(string Id, string Kind, string Label, string? Industry, string? Region);

public sealed record PathEdge(string Source, string Target, string Type);

public sealed record PathResponse(IReadOnlyList<PathNode> Nodes, IReadOnlyList<PathEdge> Edges);

/// <param name="Share">Integrated share: products of shares along each ownership path, added over paths.</param>
/// <param name="Role">controller (above 50 %) or beneficial_owner (above 25 %).</param>
public sealed record ControllerResponse(string Id, string Kind, string Label, double Share, string Role, IReadOnlyList<OwnershipPathResponse> Paths, bool PathsTruncated);

public sealed record OwnershipPathResponse(IReadOnlyList<PathNode> Nodes, IReadOnlyList<double> Shares, double Share);

public sealed record ControllersResponse(string Uscc, IReadOnlyList<ControllerResponse> Controllers, IReadOnlyList<ControllerResponse> Holders, bool Converged);

public sealed record ExposureContact(string Uscc, string Name, int Hops, string Industry, string Region, string CreditClass);

public sealed record ExposureResponse(
    string Uscc, int Hops, int ReachedEnterprises, int RiskyEnterprises, IReadOnlyList<int> RiskyByHop,
    IReadOnlyDictionary<string, int> RiskyByRelationType, int HubsNotExpanded, IReadOnlyList<ExposureContact> Contacts);

public sealed record CommunityResponse(
    string Uscc, int Community, int Enterprises, int NegativeEnterprises, double NegativeShare, double Modularity,
    IReadOnlyDictionary<string, int> Industries, IReadOnlyDictionary<string, int> Regions, IReadOnlyList<EnterpriseSummary> RiskiestMembers);

/// <summary>A cross-boundary early warning: an enterprise, its score, and the path to a risky enterprise across the boundary.</summary>
public sealed record AlertResponse(
    string Uscc, string Name, string Industry, string Region, double? Score, string? Level, string CreditClass, string Colour, string Kind,
    EnterpriseSummary Target, IReadOnlyList<string> CrossedIndustries, IReadOnlyList<string> CrossedRegions, PathResponse Path);

public sealed record AlertsResponse(string Kind, string? Industry, string? Region, int Top, IReadOnlyList<AlertResponse> Items);

public static class AnalyticsContracts
{
    public static PathNode ToPathNode(this GraphSnapshot snapshot, int node)
    {
        if (!snapshot.Ids.IsEnterprise(node)) return new PathNode(snapshot.Ids.KeyOf(node), "person", snapshot.LabelOf(node), null, null);
        var a = snapshot.Enterprises;
        return new PathNode(snapshot.Ids.KeyOf(node), "enterprise", a.Names[node], a.IndustryCodes[a.Industry[node]], a.RegionCodes[a.Region[node]]);
    }

    public static PathResponse ToPathResponse(this CrossBoundaryPath path, GraphSnapshot snapshot)
    {
        var edges = new List<PathEdge>();
        for (int i = 0; i < path.Steps.Length; i++)
        {
            string from = snapshot.Ids.KeyOf(path.Nodes[i]), to = snapshot.Ids.KeyOf(path.Nodes[i + 1]);
            var step = path.Steps[i];
            edges.Add(step.Forward ? new PathEdge(from, to, step.Type.Name()) : new PathEdge(to, from, step.Type.Name()));
        }
        return new PathResponse(path.Nodes.Select(snapshot.ToPathNode).ToArray(), edges);
    }
}
