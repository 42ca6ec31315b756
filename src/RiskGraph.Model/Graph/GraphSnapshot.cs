namespace RiskGraph.Model.Graph;

/// <summary>
/// The whole graph in memory, as of one day: ids, adjacency, enterprise attributes and credit profiles.
/// Built once from a store and then only read, so any number of threads may compute on it.
/// </summary>
public sealed class GraphSnapshot(IdMap ids, CsrGraph graph, EnterpriseAttributes enterprises, CreditProfile credit, DateOnly asOf)
{
    public IdMap Ids { get; } = ids;

    public CsrGraph Graph { get; } = graph;

    public EnterpriseAttributes Enterprises { get; } = enterprises;

    public CreditProfile Credit { get; } = credit;

    /// <summary>The day the records are evaluated on: the latest record date in the store.</summary>
    public DateOnly AsOf { get; } = asOf;

    public int EnterpriseCount => Ids.EnterpriseCount;
}
