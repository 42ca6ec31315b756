using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

public class UltimateControllerTests
{
    private const int A = 0, B = 1, C = 2, P = 3, Q = 4, R = 5;

    /// <summary>
    /// Persons P and Q hold 60 % and 40 % of A; A holds 70 % of B and 20 % of C; B holds 50 % of C; C holds 10 % of B
    /// (a cross-holding); person R holds 30 % of C.
    /// </summary>
    private static GraphSnapshot Pyramid() => new SnapshotBuilder(3, 3)
        .Relation(P, A, RelationType.ShareholderOf, 0.6)
        .Relation(Q, A, RelationType.ShareholderOf, 0.4)
        .Relation(A, B, RelationType.ShareholderOf, 0.7)
        .Relation(A, C, RelationType.ShareholderOf, 0.2)
        .Relation(B, C, RelationType.ShareholderOf, 0.5)
        .Relation(C, B, RelationType.ShareholderOf, 0.1)
        .Relation(R, C, RelationType.ShareholderOf, 0.3)
        .Build();

    // A's integrated share in B and C, summing every path around the cross-holding:
    //   a_B = 0.7 + 0.1 a_C, a_C = 0.2 + 0.5 a_B  =>  a_B = 0.72 / 0.95 = 0.757894..., a_C = 0.2 + 0.5 a_B = 0.578947...
    // R's: r_C = 0.3 + 0.5 r_B, r_B = 0.1 r_C  =>  r_C = 0.3 / 0.95 = 0.315789..., r_B = 0.031578...
    private const double AinB = 0.72 / 0.95, AinC = 0.2 + 0.5 * AinB, RinC = 0.3 / 0.95, RinB = 0.1 * RinC;

    [Fact]
    public void TargetB_SumsPathsThroughTheCrossHolding()
    {
        // P: 0.6 * a_B = 0.454736... (beneficial owner, not controller); Q: 0.4 * a_B = 0.303157...; R: 0.031578...
        var result = new UltimateController(Pyramid(), new UltimateControllerParameters()).ForEnterprise(B);
        Assert.True(result.Converged);
        Assert.Equal([P, Q, R], result.Holders.Select(h => h.Node));
        Assert.Equal(0.6 * AinB, result.Holders[0].IntegratedShare, 1e-9);
        Assert.Equal(0.4 * AinB, result.Holders[1].IntegratedShare, 1e-9);
        Assert.Equal(RinB, result.Holders[2].IntegratedShare, 1e-9);
        Assert.Empty(result.Controllers);
        Assert.Equal([P, Q], result.BeneficialOwners.Select(h => h.Node));
        Assert.True(result.Holders[0].IsPerson);

        // P's simple paths: P -> A -> B (0.6 * 0.7 = 0.42) and P -> A -> C -> B (0.6 * 0.2 * 0.1 = 0.012). Their sum
        // 0.432 is less than 0.4547 because the loops B -> C -> B are summed in the integrated share only.
        var paths = result.BeneficialOwners[0].Paths;
        Assert.Equal(2, paths.Count);
        Assert.Equal([P, A, B], paths[0].Nodes);
        Assert.Equal([0.6, 0.7], paths[0].Shares.Select(s => Math.Round(s, 6)));
        Assert.Equal(0.42, paths[0].Share, 1e-6);
        Assert.Equal([P, A, C, B], paths[1].Nodes);
        Assert.Equal(0.012, paths[1].Share, 1e-6);
        Assert.False(result.BeneficialOwners[0].PathsTruncated);
        Assert.Empty(result.Holders[2].Paths);
    }

    [Fact]
    public void TargetC_HasRAsBeneficialOwner()
    {
        // P: 0.6 * a_C = 0.347368..., R: 0.315789..., Q: 0.4 * a_C = 0.231578... (below 25 %).
        var result = new UltimateController(Pyramid(), new UltimateControllerParameters()).ForEnterprise(C);
        Assert.Equal([P, R, Q], result.Holders.Select(h => h.Node));
        Assert.Equal(0.6 * AinC, result.Holders[0].IntegratedShare, 1e-9);
        Assert.Equal(RinC, result.Holders[1].IntegratedShare, 1e-9);
        Assert.Equal(0.4 * AinC, result.Holders[2].IntegratedShare, 1e-9);
        Assert.Equal([P, R], result.BeneficialOwners.Select(h => h.Node));
    }

    [Fact]
    public void TargetA_IsControlledByP()
    {
        var result = new UltimateController(Pyramid(), new UltimateControllerParameters()).ForEnterprise(A);
        Assert.Equal(P, Assert.Single(result.Controllers).Node);
        Assert.Equal(0.6, result.Controllers[0].IntegratedShare, 1e-9);
        Assert.Equal([P, A], Assert.Single(result.Controllers[0].Paths).Nodes);
    }

    [Fact]
    public void HoldingsOfP_ListTheGroup()
    {
        // P holds 60 % of A, and through A 0.6 * a_B of B and 0.6 * a_C of C.
        var controller = new UltimateController(Pyramid(), new UltimateControllerParameters());
        var held = controller.HoldingsOf(P, 0.3);
        Assert.Equal([A, B, C], held.Select(h => h.Enterprise));
        Assert.Equal(0.6, held[0].IntegratedShare, 1e-9);
        Assert.Equal(0.6 * AinB, held[1].IntegratedShare, 1e-9);
        Assert.Equal(0.6 * AinC, held[2].IntegratedShare, 1e-9);
        Assert.Equal([1, 2, 2], held.Select(h => h.Hops));
        Assert.Equal([B, C], controller.HoldingsOf(A, 0.5).Select(h => h.Enterprise));
    }

    [Fact]
    public void PathCap_KeepsTheHeaviestPaths()
    {
        var result = new UltimateController(Pyramid(), new UltimateControllerParameters(MaxPathsPerHolder: 1)).ForEnterprise(B);
        var owner = result.BeneficialOwners[0];
        Assert.Equal(0.42, Assert.Single(owner.Paths).Share, 1e-6);
        Assert.True(owner.PathsTruncated);
    }

    [Fact]
    public void FullMutualHolding_StopsAtTheRoundLimit()
    {
        // A and B hold 100 % of each other and nobody else holds either: the mass never leaves the loop.
        var snapshot = new SnapshotBuilder(2).Relation(0, 1, RelationType.ShareholderOf, 1).Relation(1, 0, RelationType.ShareholderOf, 1).Build();
        var result = new UltimateController(snapshot, new UltimateControllerParameters(MaxRounds: 50)).ForEnterprise(0);
        Assert.False(result.Converged);
        Assert.Equal(50, result.Rounds);
        Assert.Empty(result.Holders);
    }

    [Fact]
    public void ConcurrentQueries_MatchSequentialOnes()
    {
        // The scratch pool is shared: answers must not depend on which thread, or which earlier query, used it.
        var snapshot = SnapshotBuilder.Random(5_000, 2_000, 20_000, seed: 12);
        var controller = new UltimateController(snapshot, new UltimateControllerParameters());
        var sequential = Enumerable.Range(0, 500).Select(e => Summary(controller.ForEnterprise(e))).ToArray();
        var parallel = new string[500];
        Parallel.For(0, 500, new ParallelOptions { MaxDegreeOfParallelism = 2 }, e => parallel[e] = Summary(controller.ForEnterprise(e)));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void EnterpriseWithoutShareholders_HasNoHolders()
    {
        var result = new UltimateController(Pyramid(), new UltimateControllerParameters()).ForEnterprise(A) with { };
        Assert.NotEmpty(result.Holders);
        var alone = new UltimateController(new SnapshotBuilder(1).Build(), new UltimateControllerParameters()).ForEnterprise(0);
        Assert.Empty(alone.Holders);
        Assert.True(alone.Converged);
    }

    [Fact]
    public void EmptyGraph_AndNonEnterprises_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new UltimateController(new SnapshotBuilder(0).Build(), new UltimateControllerParameters()).ForEnterprise(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UltimateController(Pyramid(), new UltimateControllerParameters()).ForEnterprise(P));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UltimateController(Pyramid(), new UltimateControllerParameters()).HoldingsOf(P, 0));
    }

    public static TheoryData<UltimateControllerParameters> InvalidParameters => new()
    {
        new UltimateControllerParameters(ControlThreshold: 0),
        new UltimateControllerParameters(ControlThreshold: 1.5),
        new UltimateControllerParameters(BeneficialOwnerThreshold: -0.1),
        new UltimateControllerParameters(BeneficialOwnerThreshold: double.NaN),
        new UltimateControllerParameters(Tolerance: 0),
        new UltimateControllerParameters(Tolerance: 0.01),
        new UltimateControllerParameters(MaxRounds: 0),
        new UltimateControllerParameters(MaxPathLength: 0),
        new UltimateControllerParameters(MaxPathLength: 65),
        new UltimateControllerParameters(MaxPathsPerHolder: 0),
        new UltimateControllerParameters(MinPathShare: -0.1),
        new UltimateControllerParameters(MinPathShare: 1),
        new UltimateControllerParameters(MaxPathSteps: 0),
    };

    [Theory]
    [MemberData(nameof(InvalidParameters))]
    public void InvalidParameters_Throw(UltimateControllerParameters parameters) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new UltimateController(Pyramid(), parameters).ForEnterprise(A));

    private static string Summary(UltimateControllerResult result) =>
        string.Join(";", result.Holders.Select(h => $"{h.Node}:{h.IntegratedShare:R}:{h.Paths.Count}")) + $"|{result.Rounds}";
}
