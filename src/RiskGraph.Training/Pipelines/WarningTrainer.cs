using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Training.Pipelines;

/// <summary>Fits the FastTree binary classifier on chosen rows and the first <c>columns</c> features.</summary>
public sealed class WarningTrainer(WarningTrainerOptions options)
{
    public WarningModel Train(FeatureMatrix matrix, LabelVector labels, IReadOnlyList<int> rows, FeatureSchema schema)
    {
        options.Validate();
        var ml = new MLContext(options.Seed);
        var data = ModelDataViews.Create(ml, matrix, rows, schema.Count, labels.IsRisky);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = options.NumberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = options.Threads,
            Seed = options.Seed,
            FeatureColumnName = nameof(FeatureVectorRow.Features),
            LabelColumnName = nameof(FeatureVectorRow.Label),
        });
        return new WarningModel(ml, trainer.Fit(data), schema);
    }

    /// <summary>The input schema the model is saved with.</summary>
    public static DataViewSchema InputSchema(FeatureMatrix matrix, FeatureSchema schema) =>
        ModelDataViews.Create(new MLContext(0), matrix, [], schema.Count).Schema;
}
