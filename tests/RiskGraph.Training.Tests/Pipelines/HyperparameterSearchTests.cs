using RiskGraph.Training.Evaluation.Generic;
using RiskGraph.Training.Pipelines;
using RiskGraph.Training.Tests.Evaluation;

namespace RiskGraph.Training.Tests.Pipelines;

public class HyperparameterSearchTests
{
    /// <summary>
    /// The tuner is handed the outer fold's matrix (test labels already hidden from the features) and the full label
    /// vector: every choice it makes must be the same whatever the outer test rows' labels are.
    /// </summary>
    [Fact]
    public void NoOuterTestLabel_InfluencesAnyChoice()
    {
        using var graph = PlantedRiskGraph.Create(blocks: 16, blockSize: 40);
        var data = GenericDataset.Load(graph.Nodes, graph.Edges, directed: true);
        var builder = new FoldFeatureBuilder(data);
        sbyte[] labels = data.Nodes.Labels;
        var folds = StratifiedFolds.Create(labels, 5, seed: 1);
        int[] test = folds.TestRows[0], train = folds.TrainRows[0];
        var matrix = builder.ForFold(labels, test);
        var options = new TuningOptions(Budget: 3, MaxTrees: 60, Seed: 4);

        var original = HyperparameterSearch.Tune(matrix, new LabelVector(labels), train, builder.Layout.Schema, options);
        var flipped = (sbyte[])labels.Clone();
        foreach (int r in test) flipped[r] = labels[r] < 0 ? labels[r] : (sbyte)(1 - labels[r]);
        Assert.False(flipped.SequenceEqual(labels));
        var withFlippedTest = HyperparameterSearch.Tune(matrix, new LabelVector(flipped), train, builder.Layout.Schema, options);

        Assert.Equal(original.Chosen, withFlippedTest.Chosen);
        Assert.Equal(original.Trials, withFlippedTest.Trials);

        // The control: the training rows' labels do drive the choice, so "unchanged" above is not vacuous.
        var flippedTrain = (sbyte[])labels.Clone();
        foreach (int r in train) flippedTrain[r] = labels[r] < 0 ? labels[r] : (sbyte)(1 - labels[r]);
        var withFlippedTrain = HyperparameterSearch.Tune(matrix, new LabelVector(flippedTrain), train, builder.Layout.Schema, options);
        Assert.NotEqual(original.Trials, withFlippedTrain.Trials);
    }

    [Fact]
    public void TheBudget_IsTheNumberOfDistinctTrials_AndTheChosenTreeCountComesFromEarlyStopping()
    {
        using var graph = PlantedRiskGraph.Create(blocks: 16, blockSize: 40);
        var data = GenericDataset.Load(graph.Nodes, graph.Edges, directed: true);
        var builder = new FoldFeatureBuilder(data);
        sbyte[] labels = data.Nodes.Labels;
        var folds = StratifiedFolds.Create(labels, 5, seed: 1);
        var matrix = builder.ForFold(labels, folds.TestRows[0]);
        var result = HyperparameterSearch.Tune(matrix, new LabelVector(labels), folds.TrainRows[0], builder.Layout.Schema,
            new TuningOptions(Budget: 4, MaxTrees: 80, Seed: 2, Trainer: WarningTrainerOptions.LightGbm));

        Assert.Equal(4, result.Trials.Count);
        Assert.Equal(4, result.Trials.Select(t => t.Settings with { NumberOfTrees = 0 }).Distinct().Count());
        Assert.All(result.Trials, t => Assert.InRange(t.Trees, 10, 80));
        var best = result.Trials.MaxBy(t => t.Objective)!;
        Assert.Equal(best.Trees, result.Chosen.NumberOfTrees);
        Assert.Equal(WarningTrainerOptions.LightGbm, result.Chosen.Trainer);
    }
}
