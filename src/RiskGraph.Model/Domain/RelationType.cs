namespace RiskGraph.Model.Domain;

/// <summary>The relation types of the graph, with their Neo4j relationship names.</summary>
public enum RelationType : byte
{
    LegalRepresentativeOf,
    ExecutiveOf,
    ShareholderOf,
    SuppliesTo,
    Guarantees,
}

public static class RelationTypeNames
{
    public const int Count = 5;

    private static readonly string[] Names = ["LEGAL_REPRESENTATIVE_OF", "EXECUTIVE_OF", "SHAREHOLDER_OF", "SUPPLIES_TO", "GUARANTEES"];

    public static string Name(this RelationType type) => Names[(int)type];
}
