namespace RiskGraph.Model.Storage;

/// <summary>The association network around one enterprise, as analysts see it.</summary>
/// <param name="Truncated">True when <see cref="OmittedNodes"/> nodes were left out to respect the node cap.</param>
public sealed record NetworkView(
    string CenterUscc,
    int Depth,
    IReadOnlyList<NetworkNode> Nodes,
    IReadOnlyList<NetworkEdge> Edges,
    bool Truncated,
    int OmittedNodes);

/// <param name="Id">USCC for enterprises, the hashed person key for persons (never an ID number).</param>
/// <param name="Kind">"enterprise" or "person".</param>
/// <param name="Hops">Distance from the centre.</param>
public sealed record NetworkNode(string Id, string Kind, string Label, string? Industry, string? Region, int Hops);

/// <param name="Type">Relationship name, e.g. SHAREHOLDER_OF.</param>
/// <param name="Share">Shareholding ratio for SHAREHOLDER_OF.</param>
/// <param name="Amount">Annual amount for SUPPLIES_TO, guaranteed amount for GUARANTEES.</param>
/// <param name="Title">Executive title for EXECUTIVE_OF.</param>
public sealed record NetworkEdge(string Source, string Target, string Type, double? Share, double? Amount, string? Title);
