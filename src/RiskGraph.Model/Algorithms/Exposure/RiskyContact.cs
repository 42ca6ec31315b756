
namespace RiskGraph.Model.Algorithms.Exposure;

/// <summary>A risky enterprise near the queried node.</summary>
/// <param name="Node">Its node id.</param>
/// <param name="Hops">Length of the shortest relation path to it.</param>
/// <param name="FirstHopKinds">
/// Bit k set when a shortest path to it leaves the queried node over an edge of <see cref="Graph.EdgeKind"/> k.
/// </param>
public sealed record RiskyContact(int Node, int Hops, ushort FirstHopKinds);
