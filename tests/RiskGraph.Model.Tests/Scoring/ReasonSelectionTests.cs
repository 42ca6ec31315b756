using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Model.Tests.Scoring;

public class ReasonSelectionTests
{
    private static readonly FeatureSchema Schema = new("r", ["a", "b", "c", "d", "e", "f"], 2, ["A", "B", "C", "D", "E", "F"]);

    [Fact]
    public void RaisingReasonsComeFirst_LargestFirst_ThenLoweringOnes_MostNegativeFirst_NegligibleOnesLeftOut()
    {
        float[] values = [1, 0, 2, 3, 0, 5];
        double[] contributions = [0.4, -0.9, 1.2, 0.0005, -0.2, 0.4];

        var reasons = ReasonSelection.Select(Schema, values, contributions, perDirection: 2);

        Assert.Equal(["c", "a", "b", "e"], reasons.Select(r => r.Feature));
        Assert.Equal(["raises", "raises", "lowers", "lowers"], reasons.Select(r => r.Direction));
        Assert.Equal([1.2, 0.4, -0.9, -0.2], reasons.Select(r => r.Contribution));
        Assert.Equal(0, reasons[2].Value); // a feature at 0 can lower the risk, and says so
        Assert.Equal("B", reasons[2].Description);
    }

    [Fact]
    public void AskingForMoreThanThereAre_GivesEveryNonNegligibleFeatureOnce()
    {
        double[] contributions = [0.1, -0.1, 0.2, -0.3, 0, 0.05];
        var reasons = ReasonSelection.Select(Schema, new float[6], contributions, perDirection: 1_000);
        Assert.Equal(5, reasons.Count);
        Assert.Equal(5, reasons.Select(r => r.Feature).Distinct().Count());
    }
}
