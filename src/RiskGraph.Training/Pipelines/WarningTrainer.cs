using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Training.Pipelines;

/// <summary>Fits the boosted-tree binary classifier (FastTree or LightGBM) on chosen rows and the first <c>columns</c> features.</summary>
public sealed class WarningTrainer(WarningTrainerOptions options)
{
    public WarningTrainerOptions Options => options;

    public WarningModel Train(FeatureMatrix matrix, LabelVector labels, IReadOnlyList<int> rows, FeatureSchema schema)
    {
        options.Validate();
        var ml = new MLContext(options.Seed);
        var data = ModelDataViews.Create(ml, matrix, rows, schema.Count, labels.IsRisky);
        if (options.Trainer == WarningTrainerOptions.LightGbm)
        {
            int positives = 0;
            foreach (int row in rows) if (labels.IsRisky(row)) positives++;
            var lightGbm = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                LearningRate = options.LearningRate,
                NumberOfThreads = options.Threads,
                Seed = options.Seed,
                // Class imbalance: weigh positives up to the negatives' total, so both classes pull equally.
                WeightOfPositiveExamples = options.Unbalanced && positives > 0 ? (rows.Count - positives) / (double)positives : 1,
                Booster = new GradientBooster.Options { FeatureFraction = options.FeatureFraction },
                FeatureColumnName = nameof(FeatureVectorRow.Features),
                LabelColumnName = nameof(FeatureVectorRow.Label),
                Silent = true,
                Verbose = false,
            });
            return new WarningModel(ml, lightGbm.Fit(data), schema);
        }
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = options.NumberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            FeatureFraction = options.FeatureFraction,
            // Class imbalance: FastTree's own reweighting of the rarer class in the gradient.
            UnbalancedSets = options.Unbalanced,
            NumberOfThreads = options.Threads,
            Seed = options.Seed,
            FeatureColumnName = nameof(FeatureVectorRow.Features),
            LabelColumnName = nameof(FeatureVectorRow.Label),
        });
        return new WarningModel(ml, trainer.Fit(data), schema);
    }

    /// <summary>
    /// Fits the trees on most of <paramref name="rows"/> and Platt scaling on a stratified held-out part of them,
    /// so served probabilities are calibrated on data the trees never saw.
    /// </summary>
    public WarningModel TrainCalibrated(FeatureMatrix matrix, LabelVector labels, IReadOnlyList<int> rows, FeatureSchema schema)
    {
        var split = StratifiedSplit.Of(rows, labels, options.CalibrationFraction, options.Seed + 1);
        var model = Train(matrix, labels, split.Train, schema);
        var (raw, _) = model.Score(matrix, split.Test);
        var ml = new MLContext(options.Seed);
        var scored = ml.Data.LoadFromEnumerable(split.Test.Select((row, i) => new ScoredRow { Label = labels.IsRisky(row), Score = raw[i] }));
        var platt = ml.BinaryClassification.Calibrators.Platt(nameof(ScoredRow.Label), nameof(ScoredRow.Score)).Fit(scored);
        var (slope, offset) = PlattParameters(ml, platt);
        return model.WithCalibration(new ScoreCalibration("platt", slope, offset, split.Test.Length));
    }

    /// <summary>
    /// ML.NET does not expose the fitted slope and offset, but Platt scaling is exactly
    /// logit(1 - p) = slope * score + offset, so two evaluated points determine both.
    /// </summary>
    internal static (double Slope, double Offset) PlattParameters(MLContext ml, ITransformer platt)
    {
        var probes = ml.Data.LoadFromEnumerable(new[] { new ScoredRow { Score = -1 }, new ScoredRow { Score = 1 } });
        float[] p = platt.Transform(probes).GetColumn<float>("Probability").ToArray();
        double atMinusOne = Math.Log(1 / (double)p[0] - 1), atOne = Math.Log(1 / (double)p[1] - 1);
        return ((atOne - atMinusOne) / 2, (atOne + atMinusOne) / 2);
    }

    internal sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }
    }

    /// <summary>The input schema the model is saved with.</summary>
    public static DataViewSchema InputSchema(FeatureMatrix matrix, FeatureSchema schema) =>
        ModelDataViews.Create(new MLContext(0), matrix, [], schema.Count).Schema;
}
