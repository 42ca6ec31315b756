using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

/// <summary>Equity penetration on cross-holdings and inconsistent shares: answers in closed form, never above 100 %.</summary>
public class UltimateControllerCycleTests
{
    private const int A = 0, B = 1, P = 2, Q = 3;

    /// <summary>B holds <paramref name="a"/> of A and P the rest; A holds <paramref name="b"/> of B and Q the rest.</summary>
    private static GraphSnapshot CrossHolding(double a, double b, double pInA, double qInB) => new SnapshotBuilder(2, 2)
        .Relation(B, A, RelationType.ShareholderOf, a)
        .Relation(P, A, RelationType.ShareholderOf, pInA)
        .Relation(A, B, RelationType.ShareholderOf, b)
        .Relation(Q, B, RelationType.ShareholderOf, qInB)
        .Build();

    [Theory]
    [InlineData(0.5, 0.4)]
    [InlineData(0.9, 0.9)]
    [InlineData(0.3, 0.75)]
    public void CrossHolding_GivesTheClosedForm(double a, double b)
    {
        // Every loop A -> B -> A multiplies by ab, so P's share in A is (1 - a)(1 + ab + (ab)^2 + ...) = (1 - a) / (1 - ab)
        // and Q's a(1 - b) / (1 - ab); they add up to exactly 1, as the whole of A is owned by P and Q in the end.
        var controller = new UltimateController(CrossHolding(a, b, 1 - a, 1 - b), new UltimateControllerParameters());
        var result = controller.ForEnterprise(A);
        double p = (1 - a) / (1 - a * b), q = a * (1 - b) / (1 - a * b);

        Assert.True(result.Converged);
        Assert.Equal(p, result.Holders.Single(h => h.Node == P).IntegratedShare, 1e-9);
        Assert.Equal(q, result.Holders.Single(h => h.Node == Q).IntegratedShare, 1e-9);
        Assert.Equal(1.0, result.Holders.Sum(h => h.IntegratedShare), 1e-9);

        // Downwards A holds b of B and no more: the loop back through A is A owning itself, not more of B.
        Assert.Equal(b, controller.HoldingsOf(A, 0.01).Single(h => h.Enterprise == B).IntegratedShare, 1e-9);
        Assert.Equal(p, controller.HoldingsOf(P, 0.01).Single(h => h.Enterprise == A).IntegratedShare, 1e-9);
    }

    [Fact]
    public void SharesAddingUpToMoreThanOne_AreScaledDown_SoNoHolderPasses100Percent()
    {
        // As probed: A's holders claim 180 %, B's too. Scaled to 1, each claim is 50 %: P holds 0.5 + 0.5 * 0.5 * P, i.e. 2/3.
        var controller = new UltimateController(CrossHolding(0.9, 0.9, 0.9, 0.9), new UltimateControllerParameters());
        var result = controller.ForEnterprise(A);

        Assert.Equal(2.0 / 3, result.Holders.Single(h => h.Node == P).IntegratedShare, 1e-9);
        Assert.Equal(1.0 / 3, result.Holders.Single(h => h.Node == Q).IntegratedShare, 1e-9);
        Assert.Equal(P, Assert.Single(result.Controllers).Node);
        Assert.Equal(0.5, controller.HoldingsOf(A, 0.01).Single(h => h.Enterprise == B).IntegratedShare, 1e-9);
    }

    [Fact]
    public void TwoHoldersOf80PercentEach_AreNeitherControllers()
    {
        var snapshot = new SnapshotBuilder(1, 2)
            .Relation(1, 0, RelationType.ShareholderOf, 0.8)
            .Relation(2, 0, RelationType.ShareholderOf, 0.8)
            .Build();
        var result = new UltimateController(snapshot, new UltimateControllerParameters()).ForEnterprise(0);
        Assert.Equal([0.5, 0.5], result.Holders.Select(h => Math.Round(h.IntegratedShare, 9)));
        Assert.Empty(result.Controllers);
    }

    [Fact]
    public void OnADenseRandomWebOfCrossHoldings_NoIntegratedShareExceedsOne()
    {
        // Shares of 5-45 % drawn at random onto hub-skewed targets: many enterprises' shares add up to far more than 1,
        // and the ownership graph is full of cycles.
        var snapshot = SnapshotBuilder.Random(2_000, 800, 12_000, seed: 21);
        var controller = new UltimateController(snapshot, new UltimateControllerParameters(MaxPathSteps: 20_000));
        for (int e = 0; e < 2_000; e += 7)
        {
            var result = controller.ForEnterprise(e);
            Assert.True(result.Converged, $"enterprise {e}");
            Assert.All(result.Holders, h => Assert.InRange(h.IntegratedShare, 0, 1 + 1e-9));
            Assert.InRange(result.Holders.Sum(h => h.IntegratedShare), 0, 1 + 1e-9);
            Assert.True(result.Controllers.Count <= 1, $"enterprise {e} has {result.Controllers.Count} controllers");
            Assert.All(controller.HoldingsOf(e, 1e-6), h => Assert.InRange(h.IntegratedShare, 0, 1 + 1e-9));
        }
    }
}
