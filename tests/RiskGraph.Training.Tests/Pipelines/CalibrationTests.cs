using Microsoft.ML;
using Microsoft.ML.Data;
using RiskGraph.Model.Scoring;
using RiskGraph.Training.Pipelines;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Training.Tests.Pipelines;

public class CalibrationTests
{
    [Fact]
    public void RecoveredPlattParameters_ReproduceMlNetsCalibrator()
    {
        var ml = new MLContext(1);
        var random = new Random(2);
        var rows = Enumerable.Range(0, 3000).Select(_ =>
        {
            double score = random.NextDouble() * 8 - 4;
            return new WarningTrainer.ScoredRow { Score = (float)score, Label = random.NextDouble() < 1 / (1 + Math.Exp(-1.7 * score + 0.4)) };
        }).ToArray();
        var platt = ml.BinaryClassification.Calibrators.Platt("Label", "Score").Fit(ml.Data.LoadFromEnumerable(rows));

        var (slope, offset) = WarningTrainer.PlattParameters(ml, platt);
        var calibration = new ScoreCalibration("platt", slope, offset, rows.Length);
        float[] expected = platt.Transform(ml.Data.LoadFromEnumerable(rows)).GetColumn<float>("Probability").ToArray();

        for (int i = 0; i < rows.Length; i++) Assert.Equal(expected[i], calibration.Probability(rows[i].Score), 1e-5);
        Assert.InRange(slope, -2.2, -1.2);
    }

    [Fact]
    public async Task ServedProbabilities_AreCalibratedOnTheTestSet()
    {
        using var trained = await TrainedHome.CreateAsync(enterprises: 4_000, seed: 5);
        var metrics = trained.Outcome.Report.WithGraphFeatures;
        var folder = new ModelRegistry(trained.Home).FolderOf(trained.Outcome.Version);

        Assert.NotNull(ScoreCalibration.Load(folder));
        double predicted = metrics.Reliability.Sum(b => b.MeanPredicted * b.Count) / metrics.TestRows;
        double observed = (double)metrics.TestPositives / metrics.TestRows;
        Assert.InRange(predicted - observed, -0.03, 0.03);
        Assert.InRange(metrics.Brier, 0, observed * (1 - observed) + 1e-9);
    }
}
