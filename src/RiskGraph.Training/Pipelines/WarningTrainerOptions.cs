namespace RiskGraph.Training.Pipelines;

/// <summary>
/// Boosted-tree settings for the warning model. One thread by default: the same seed then gives bit-identical models.
/// <see cref="FeatureFraction"/> is the share of features each tree may use; <see cref="Unbalanced"/> reweights the
/// rare positive class.
/// </summary>
public sealed record WarningTrainerOptions(
    int Seed = 42,
    int NumberOfTrees = 200,
    int NumberOfLeaves = 24,
    int MinimumExampleCountPerLeaf = 20,
    double LearningRate = 0.08,
    double TestFraction = 0.2,
    double CalibrationFraction = 0.15,
    int Threads = 1,
    double FeatureFraction = 1.0,
    bool Unbalanced = false,
    string Trainer = WarningTrainerOptions.FastTree)
{
    public const string FastTree = "fasttree";
    public const string LightGbm = "lightgbm";

    /// <summary>The untuned baseline of issue #12: 300 trees, 31 leaves, learning rate 0.05, 10 examples per leaf.</summary>
    public static WarningTrainerOptions Baseline(int seed) =>
        new(Seed: seed, NumberOfTrees: 300, NumberOfLeaves: 31, MinimumExampleCountPerLeaf: 10, LearningRate: 0.05);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfTrees, 1, nameof(NumberOfTrees));
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfLeaves, 2, nameof(NumberOfLeaves));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumExampleCountPerLeaf, 1, nameof(MinimumExampleCountPerLeaf));
        if (LearningRate is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(LearningRate));
        if (TestFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(TestFraction));
        if (CalibrationFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(CalibrationFraction));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        if (FeatureFraction is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(FeatureFraction));
        if (Trainer is not (FastTree or LightGbm)) throw new ArgumentOutOfRangeException(nameof(Trainer), $"trainer must be {FastTree} or {LightGbm}");
    }
}
