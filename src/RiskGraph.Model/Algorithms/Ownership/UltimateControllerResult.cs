
namespace RiskGraph.Model.Algorithms.Ownership;

/// <param name="Holders">Every ultimate holder with a positive integrated share, largest first.</param>
/// <param name="Controllers">Holders above the control threshold (with paths).</param>
/// <param name="BeneficialOwners">Holders above the beneficial-owner threshold (with paths).</param>
/// <param name="Rounds">Propagation steps taken.</param>
/// <param name="Converged">The mass still travelling fell below the tolerance (false only for inconsistent shares).</param>
public sealed record UltimateControllerResult(
    int Target,
    IReadOnlyList<UltimateHolder> Holders,
    IReadOnlyList<UltimateHolder> Controllers,
    IReadOnlyList<UltimateHolder> BeneficialOwners,
    int Rounds,
    bool Converged);
