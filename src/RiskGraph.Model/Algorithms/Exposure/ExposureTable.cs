using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Algorithms.Exposure;

/// <summary>
/// <see cref="ExposureProfile"/> counts for every enterprise, as flat row-major arrays indexed by enterprise id
/// so they can be copied into a feature matrix without per-row objects.
/// </summary>
public sealed class ExposureTable(int enterprises, int hops, int[] reached, int[] risky, int[] riskyByHop, int[] riskyByRelationType)
{
    public int EnterpriseCount { get; } = enterprises;

    public int Hops { get; } = hops;

    /// <summary>Enterprises within <see cref="Hops"/> hops, per enterprise.</summary>
    public int[] Reached { get; } = reached;

    /// <summary>Risky enterprises within <see cref="Hops"/> hops, per enterprise.</summary>
    public int[] Risky { get; } = risky;

    /// <summary>Row-major [enterprise, h-1]: risky enterprises exactly h hops away.</summary>
    public int[] RiskyByHop { get; } = riskyByHop;

    /// <summary>Row-major [enterprise, (int)RelationType of the first hop].</summary>
    public int[] RiskyByRelationType { get; } = riskyByRelationType;

    public int RiskyAt(int enterprise, int hop) => RiskyByHop[enterprise * Hops + hop - 1];

    public int RiskyVia(int enterprise, RelationType type) => RiskyByRelationType[enterprise * RelationTypeNames.Count + (int)type];
}
