using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Scoring;

public class DriftReportTests
{
    private static readonly FeatureSchema Schema = new("drift", ["stable", "shifted", "mostly_zero"], 1, ["stable", "shifted", "mostly_zero"]);

    private static FeatureMatrix Data(int rows, int seed, double shift)
    {
        var random = new Random(seed);
        var values = new float[rows * 3];
        for (int r = 0; r < rows; r++)
        {
            values[r * 3] = (float)random.NextDouble();
            values[r * 3 + 1] = (float)(random.NextDouble() + shift);
            values[r * 3 + 2] = random.NextDouble() < 0.9 ? 0 : 1;
        }
        return new FeatureMatrix(Schema, rows, values);
    }

    [Fact]
    public void AShiftedFeature_IsFlagged_AStableOneIsNot_AndTheReferenceSurvivesASaveAndLoad()
    {
        using var temp = new TempFolder();
        var training = Data(5_000, 1, shift: 0);
        float[] scores = Enumerable.Range(0, 5_000).Select(i => training[i, 0]).ToArray();
        DriftReference.Of(training, ModelDataViews.AllRows(training), scores).Save(temp.Path);
        var reference = DriftReference.Load(temp.Path)!;
        // The mostly-zero feature has one bin for its zeros, not nine empty ones.
        Assert.True(reference.Features[2].Cuts.Count <= 2);

        var current = Data(4_000, 2, shift: 0.5);
        float[] currentScores = Enumerable.Range(0, 4_000).Select(i => current[i, 0]).ToArray();
        var report = DriftReport.Compare(reference, current, currentScores);

        Assert.InRange(report.Features[0].Psi, 0, 0.05);
        Assert.False(report.Features[0].Flagged);
        Assert.True(report.Features[1].Psi > DriftReport.Threshold, $"shifted PSI {report.Features[1].Psi}");
        Assert.True(report.Features[1].Flagged);
        Assert.InRange(report.Features[2].Psi, 0, 0.05);
        Assert.Equal(["shifted"], report.FlaggedFeatures.Select(f => f.Feature));
        Assert.False(report.Score.Flagged);
    }

    [Fact]
    public void Psi_IsTheTextbookSum_OverTheBins()
    {
        var reference = new BinnedDistribution("x", [0.5f], [0.5, 0.5]);
        double expected = (0.8 - 0.5) * Math.Log(0.8 / 0.5) + (0.2 - 0.5) * Math.Log(0.2 / 0.5);
        Assert.Equal(expected, reference.Psi([0.8, 0.2]), 12);
        Assert.Equal(0, reference.Psi([0.5, 0.5]), 12);
    }
}
