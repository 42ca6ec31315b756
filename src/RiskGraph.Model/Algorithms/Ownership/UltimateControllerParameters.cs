
namespace RiskGraph.Model.Algorithms.Ownership;

/// <param name="ControlThreshold">An ultimate holder with an integrated share above this is a controller; in (0, 1].</param>
/// <param name="BeneficialOwnerThreshold">An ultimate holder with an integrated share above this is a beneficial owner; in (0, 1].</param>
/// <param name="Tolerance">
/// Ownership mass still travelling when the propagation stops; in (0, 1e-3]. Every share is at most 1 and an
/// enterprise's shareholders hold at most 100 % between them (more is scaled down, see OwnershipShares), so what is still travelling bounds the error of
/// every integrated share.
/// </param>
/// <param name="MaxRounds">Propagation steps at most (a safeguard for holdings that keep all their mass in a loop, e.g. two enterprises owning 100 % of each other); at least 1.</param>
/// <param name="MaxPathLength">Longest ownership path listed, in edges; 1 to 64. Does not limit the integrated shares.</param>
/// <param name="MaxPathsPerHolder">Paths listed per reported holder, heaviest first; at least 1.</param>
/// <param name="MinPathShare">Paths whose product of shares falls below this are not listed; in [0, 1).</param>
/// <param name="MaxPathSteps">Edges the path search may examine per query before it gives up (marking paths truncated); at least 1.</param>
public sealed record UltimateControllerParameters(
    double ControlThreshold = 0.5,
    double BeneficialOwnerThreshold = 0.25,
    double Tolerance = 1e-12,
    int MaxRounds = 10_000,
    int MaxPathLength = 12,
    int MaxPathsPerHolder = 10,
    double MinPathShare = 1e-4,
    int MaxPathSteps = 1_000_000)
{
    public void Validate()
    {
        CheckShare(ControlThreshold, nameof(ControlThreshold));
        CheckShare(BeneficialOwnerThreshold, nameof(BeneficialOwnerThreshold));
        if (!(Tolerance > 0 && Tolerance <= 1e-3))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be in (0, 1e-3].");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRounds, 1, nameof(MaxRounds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPathLength, 1, nameof(MaxPathLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPathLength, 64, nameof(MaxPathLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPathsPerHolder, 1, nameof(MaxPathsPerHolder));
        if (!(MinPathShare >= 0 && MinPathShare < 1))
            throw new ArgumentOutOfRangeException(nameof(MinPathShare), MinPathShare, "MinPathShare must be in [0, 1).");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPathSteps, 1, nameof(MaxPathSteps));
    }

    /// <summary>The smallest integrated share that gets reported with paths.</summary>
    internal double ReportThreshold => Math.Min(ControlThreshold, BeneficialOwnerThreshold);

    internal static void CheckShare(double share, string name)
    {
        if (!(share > 0 && share <= 1))
            throw new ArgumentOutOfRangeException(name, share, $"{name} must be in (0, 1].");
    }
}
