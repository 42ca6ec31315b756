namespace RiskGraph.Training.Pipelines;

/// <summary>FastTree settings for the warning model. One thread by default: the same seed then gives bit-identical models.</summary>
public sealed record WarningTrainerOptions(
    int Seed = 42,
    int NumberOfTrees = 200,
    int NumberOfLeaves = 24,
    int MinimumExampleCountPerLeaf = 20,
    double LearningRate = 0.08,
    double TestFraction = 0.2,
    double CalibrationFraction = 0.15,
    int Threads = 1)
{
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfTrees, 1, nameof(NumberOfTrees));
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfLeaves, 2, nameof(NumberOfLeaves));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumExampleCountPerLeaf, 1, nameof(MinimumExampleCountPerLeaf));
        if (LearningRate is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(LearningRate));
        if (TestFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(TestFraction));
        if (CalibrationFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(CalibrationFraction));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
    }
}
