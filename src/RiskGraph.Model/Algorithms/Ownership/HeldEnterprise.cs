
namespace RiskGraph.Model.Algorithms.Ownership;

/// <summary>An enterprise a holder owns, directly or through others.</summary>
/// <param name="Hops">Length of the shortest ownership chain from the holder.</param>
public sealed record HeldEnterprise(int Enterprise, double IntegratedShare, int Hops);
