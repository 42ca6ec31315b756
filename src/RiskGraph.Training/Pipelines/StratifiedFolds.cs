namespace RiskGraph.Training.Pipelines;

/// <summary>Seeded stratified k-fold assignment of the labelled rows: each fold keeps the overall risky share.</summary>
public static class StratifiedFolds
{
    /// <summary>The test rows of each fold, sorted; unlabelled rows belong to no fold.</summary>
    public static int[][] Create(LabelVector labels, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var members = Enumerable.Range(0, folds).Select(_ => new List<int>()).ToArray();
        var random = new Random(seed);
        foreach (sbyte wanted in new sbyte[] { 1, 0 })
        {
            int[] rows = Enumerable.Range(0, labels.Values.Length).Where(i => labels.Values[i] == wanted).ToArray();
            random.Shuffle(rows);
            for (int i = 0; i < rows.Length; i++) members[i % folds].Add(rows[i]);
        }
        return members.Select(m => m.Order().ToArray()).ToArray();
    }

    /// <summary>Every labelled row outside <paramref name="fold"/>.</summary>
    public static int[] TrainingRows(int[][] folds, int fold) =>
        folds.Where((_, k) => k != fold).SelectMany(f => f).Order().ToArray();
}
