namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Seeded stratified k-fold assignment of the labelled nodes: positives and negatives are shuffled separately and
/// dealt round-robin, so every fold gets (almost) the same number of each. Unlabelled nodes are in no fold: they
/// still shape features as neighbours but are never trained or tested on.
/// </summary>
public sealed class StratifiedFolds
{
    private StratifiedFolds(int[][] testRows, int[][] trainRows)
    {
        TestRows = testRows;
        TrainRows = trainRows;
    }

    public int Count => TestRows.Length;

    /// <summary>Test rows of each fold, ascending.</summary>
    public int[][] TestRows { get; }

    /// <summary>Training rows of each fold: every labelled row not in its test fold, ascending.</summary>
    public int[][] TrainRows { get; }

    public static StratifiedFolds Create(sbyte[] labels, int folds, int seed)
    {
        if (folds < 2) throw new EvaluationInputException($"--folds must be at least 2, got {folds}");
        var positives = new List<int>();
        var negatives = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1) positives.Add(i);
            else if (labels[i] == 0) negatives.Add(i);
        }
        // Every fold needs both classes in its test part, or its AUC is undefined.
        if (positives.Count < folds || negatives.Count < folds)
            throw new EvaluationInputException(
                $"{folds} folds need at least {folds} risky and {folds} non-risky labelled nodes; found {positives.Count} and {negatives.Count}");

        var fold = new int[labels.Length];
        Array.Fill(fold, -1);
        var random = new Random(seed);
        int dealt = 0; // negatives continue the deal where positives stopped, so fold sizes differ by at most one
        foreach (var group in new[] { positives, negatives })
        {
            int[] shuffled = group.ToArray();
            random.Shuffle(shuffled);
            foreach (int row in shuffled) fold[row] = dealt++ % folds;
        }
        var test = new int[folds][];
        var train = new int[folds][];
        for (int f = 0; f < folds; f++)
        {
            int current = f;
            test[f] = Enumerable.Range(0, labels.Length).Where(i => fold[i] == current).ToArray();
            train[f] = Enumerable.Range(0, labels.Length).Where(i => fold[i] >= 0 && fold[i] != current).ToArray();
        }
        return new StratifiedFolds(test, train);
    }
}
