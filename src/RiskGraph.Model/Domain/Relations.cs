namespace RiskGraph.Model.Domain;

// The five relation types of the graph. Each is a small immutable row keyed by its endpoints,
// so that importing the same row twice leaves one relation.

/// <summary>(Person)-[:LEGAL_REPRESENTATIVE_OF]->(Enterprise)</summary>
public sealed record LegalRepresentative(string PersonKey, string Uscc);

/// <summary>(Person)-[:EXECUTIVE_OF {title}]->(Enterprise)</summary>
public sealed record Executive(string PersonKey, string Uscc, string Title);

/// <summary>(Person|Enterprise)-[:SHAREHOLDER_OF {share}]->(Enterprise); share in (0, 1].</summary>
public sealed record Shareholding(HolderKind HolderKind, string HolderKey, string Uscc, double Share);

/// <summary>(Enterprise)-[:SUPPLIES_TO {annual amount}]->(Enterprise)</summary>
public sealed record SupplyLink(string SupplierUscc, string BuyerUscc, double AnnualAmount);

/// <summary>(Enterprise)-[:GUARANTEES {amount}]->(Enterprise)</summary>
public sealed record Guarantee(string GuarantorUscc, string GuaranteedUscc, double Amount);

public enum HolderKind
{
    Person,
    Enterprise,
}
