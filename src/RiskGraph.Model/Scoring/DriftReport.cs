using RiskGraph.Model.Features;

namespace RiskGraph.Model.Scoring;

/// <summary>One feature's (or the score's) population stability between the training rows and a snapshot.</summary>
public sealed record FeatureDrift(string Feature, double Psi, bool Flagged);

/// <summary>PSI of every feature and of the score, the flagged ones (PSI above <see cref="Threshold"/>) named.</summary>
public sealed record DriftReport(int ReferenceRows, int CurrentRows, FeatureDrift Score, IReadOnlyList<FeatureDrift> Features)
{
    /// <summary>The usual reading of PSI: above 0.2 the population has shifted enough to act on.</summary>
    public const double Threshold = 0.2;

    public IReadOnlyList<FeatureDrift> FlaggedFeatures => Features.Where(f => f.Flagged).ToArray();

    /// <summary>Compares every row of <paramref name="current"/> (and its scores) with the reference saved at training.</summary>
    public static DriftReport Compare(DriftReference reference, FeatureMatrix current, ReadOnlySpan<float> scores)
    {
        if (reference.Features.Count != current.Columns)
            throw new ArgumentException($"The reference has {reference.Features.Count} features, the matrix {current.Columns}.", nameof(current));
        var features = new FeatureDrift[current.Columns];
        var column = new float[current.Rows];
        for (int c = 0; c < current.Columns; c++)
        {
            for (int r = 0; r < current.Rows; r++) column[r] = current[r, c];
            features[c] = Drift(reference.Features[c], column);
        }
        return new DriftReport(reference.Rows, current.Rows, Drift(reference.Score, scores), features);
    }

    private static FeatureDrift Drift(BinnedDistribution reference, ReadOnlySpan<float> values)
    {
        double psi = Math.Round(reference.Psi(reference.SharesOf(values)), 6);
        return new FeatureDrift(reference.Name, psi, psi > Threshold);
    }
}
