namespace RiskGraph.Training.Pipelines;

/// <summary>
/// A seeded train/test split that keeps the share of risky enterprises the same on both sides:
/// positives and negatives are shuffled separately and each cut at the test fraction.
/// </summary>
public sealed record StratifiedSplit(int[] Train, int[] Test)
{
    public static StratifiedSplit Create(LabelVector labels, double testFraction, int seed) =>
        Of(Enumerable.Range(0, labels.Values.Length).ToArray(), labels, testFraction, seed);

    /// <summary>Splits only <paramref name="rows"/>; rows without a label are left out of both sides.</summary>
    public static StratifiedSplit Of(IReadOnlyList<int> rows, LabelVector labels, double testFraction, int seed)
    {
        if (testFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(testFraction), "Test fraction must be in (0, 1).");
        var positives = new List<int>();
        var negatives = new List<int>();
        foreach (int i in rows)
        {
            if (labels.Values[i] == 1) positives.Add(i);
            else if (labels.Values[i] == 0) negatives.Add(i);
        }
        var random = new Random(seed);
        var train = new List<int>();
        var test = new List<int>();
        foreach (var group in new[] { positives, negatives })
        {
            int[] shuffled = group.ToArray();
            random.Shuffle(shuffled);
            int testCount = (int)Math.Round(shuffled.Length * testFraction);
            test.AddRange(shuffled.AsSpan(0, testCount));
            train.AddRange(shuffled.AsSpan(testCount));
        }
        train.Sort();
        test.Sort();
        return new StratifiedSplit(train.ToArray(), test.ToArray());
    }
}
