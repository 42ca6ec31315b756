
namespace RiskGraph.Model.Algorithms.Paths;

/// <summary>A shortest relation path from the source to a risky enterprise in another industry or region.</summary>
/// <param name="Nodes">Node ids, source first, target last.</param>
/// <param name="Steps">Steps[i] is the relation between Nodes[i] and Nodes[i + 1].</param>
/// <param name="Industries">Industry codes of the enterprises along the path, in order, repeats collapsed (persons have none).</param>
/// <param name="Regions">Region codes along the path, likewise.</param>
public sealed record CrossBoundaryPath(int Target, BoundaryKind Kind, int[] Nodes, PathStep[] Steps, string[] Industries, string[] Regions);
