using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Algorithms.Paths;

/// <summary>One relation on a path.</summary>
/// <param name="Forward">True when the relation points from the earlier node of the path to the later one (e.g. the earlier one supplies the later).</param>
public sealed record PathStep(RelationType Type, bool Forward);
