using RiskGraph.Training.Evaluation.Generic;

namespace RiskGraph.Training.Tests.Evaluation;

public class BinaryMetricsTests
{
    private static readonly float[] Scores = [0.9f, 0.8f, 0.8f, 0.4f, 0.3f, 0.1f];
    private static readonly bool[] Positive = [true, false, true, false, true, false];

    [Fact]
    public void Auc_CountsTiesHalf()
    {
        // Positive-negative pairs: 9, of which ordered right 6.5 (0.8 vs 0.8 is a tie).
        Assert.Equal(6.5 / 9, BinaryMetrics.Auc(Scores, Positive), 12);
    }

    [Fact]
    public void AveragePrecision_WeightsEachThresholdsPrecisionByTheRecallItAdds()
    {
        // Thresholds 0.9 (1/1, +1/3 recall), 0.8 (2/3, +1/3), 0.3 (3/5, +1/3).
        Assert.Equal((1.0 + 2.0 / 3 + 3.0 / 5) / 3, BinaryMetrics.AveragePrecision(Scores, Positive), 12);
    }

    [Fact]
    public void BrierAndPrecisionAtTop_AreComputedByHand()
    {
        double brier = (0.01 + 0.64 + 0.04 + 0.16 + 0.49 + 0.01) / 6;
        Assert.Equal(brier, BinaryMetrics.Brier(Scores, Positive), 6);
        Assert.Equal(1.0, BinaryMetrics.PrecisionAtTop(Scores, Positive, 0.01)); // one row: the 0.9
        Assert.Equal(0.5, BinaryMetrics.PrecisionAtTop(Scores, Positive, 0.3)); // two rows: 0.9, then the lower-index 0.8
    }

    [Fact]
    public void Reliability_BinsByPredictedProbability()
    {
        var bins = BinaryMetrics.Reliability(Scores, Positive);
        Assert.Equal(10, bins.Length);
        Assert.Equal(2, bins[8].Count);
        Assert.Equal(0.5, bins[8].ObservedRate);
        Assert.Equal(0, bins[5].Count);
        Assert.True(double.IsNaN(bins[5].ObservedRate));
    }
}
