using RiskGraph.Model.Algorithms.SupplyChain;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

public class SupplyChainContagionTests
{
    /// <summary>E0 -100-> E1 -300-> E2 -50-> E3 and E4 -100-> E2 (supplier -amount-> buyer); E0 and E3 are negative.</summary>
    private static GraphSnapshot Chain() => new SnapshotBuilder(5)
        .Relation(0, 1, RelationType.SuppliesTo, 100)
        .Relation(1, 2, RelationType.SuppliesTo, 300)
        .Relation(4, 2, RelationType.SuppliesTo, 100)
        .Relation(2, 3, RelationType.SuppliesTo, 50)
        .Negative(0, 3)
        .Build();

    [Fact]
    public void AmountWeighted_MatchesTheHandComputation()
    {
        // Decay 0.5, three hops. Upstream (risk from suppliers), per hop u_h(v) = 0.5 * Σ_suppliers share * u_{h-1}:
        //   E1: hop 1 from E0 (100 %) = 0.5; nothing further (E0 has no suppliers)            -> 0.5
        //   E2: hop 1 from E1, E4 = 0; hop 2 = 0.5 * (0.75 * u_1(E1) + 0.25 * u_1(E4)) = 0.1875 -> 0.1875
        //   E3: hop 3 = 0.5 * u_2(E2) = 0.09375                                                 -> 0.09375
        // Downstream (risk from buyers), d_h(v) = 0.5 * Σ_buyers share * d_{h-1}:
        //   E2: hop 1 from E3 = 0.5; E1: hop 2 = 0.5 * d_1(E2) = 0.25; E4 likewise 0.25;
        //   E0: hop 3 = 0.5 * d_2(E1) = 0.125.
        // Score = 1.0 * upstream + 0.5 * downstream.
        var result = new SupplyChainContagion(Chain(), new SupplyChainContagionParameters(Decay: 0.5, MaxHops: 3)).Compute();
        Assert.Equal([0, 0.5, 0.1875, 0.09375, 0], result.UpstreamRisk.Select(r => Math.Round(r, 9)));
        Assert.Equal([0.125, 0.25, 0.5, 0, 0.25], result.DownstreamRisk.Select(r => Math.Round(r, 9)));
        Assert.Equal(0.5 + 0.5 * 0.25, result.Score[1], 1e-6);
        Assert.Equal(0.1875 + 0.5 * 0.5, result.Score[2], 1e-6);
    }

    [Fact]
    public void EqualWeights_IgnoreAmounts()
    {
        // E2's suppliers E1 and E4 now count half each: hop 2 = 0.5 * (0.5 * 0.5 + 0.5 * 0) = 0.125.
        var result = new SupplyChainContagion(Chain(), new SupplyChainContagionParameters(AmountWeighted: false)).Compute();
        Assert.Equal(0.125, result.UpstreamRisk[2], 1e-6);
    }

    [Fact]
    public void MaxHops_LimitsHowFarRiskTravels()
    {
        var result = new SupplyChainContagion(Chain(), new SupplyChainContagionParameters(MaxHops: 1)).Compute();
        Assert.Equal(0, result.UpstreamRisk[2]);
        Assert.Equal(0, result.DownstreamRisk[0]);
        Assert.Equal(0.5, result.UpstreamRisk[1], 1e-6);
    }

    [Fact]
    public void ChainView_ListsBothSidesWithDistances()
    {
        // Core E2 within 2 links: upstream E1 and E4 (1 link), E0 (2 links, negative); downstream E3 (negative).
        var view = new SupplyChainContagion(Chain(), new SupplyChainContagionParameters(MaxHops: 2)).Chain(2);
        Assert.Equal(
            [(1, 1, ChainDirection.Upstream), (4, 1, ChainDirection.Upstream), (0, 2, ChainDirection.Upstream), (3, 1, ChainDirection.Downstream)],
            view.Members.Select(m => (m.Enterprise, m.Hops, m.Direction)));
        Assert.Equal((3, 1, 1, 1), (view.UpstreamCount, view.DownstreamCount, view.NegativeUpstream, view.NegativeDownstream));
        Assert.False(view.Truncated);

        var capped = new SupplyChainContagion(Chain(), new SupplyChainContagionParameters(MaxHops: 2, MaxChainSize: 2)).Chain(2);
        Assert.Equal(2, capped.Members.Count);
        Assert.True(capped.Truncated);
    }

    [Fact]
    public void OneAndTwoThreads_GiveTheSameRisk()
    {
        var snapshot = SnapshotBuilder.Random(40_000, 5_000, 120_000, seed: 21);
        var one = new SupplyChainContagion(snapshot, new SupplyChainContagionParameters(Concurrency: 1)).Compute();
        var two = new SupplyChainContagion(snapshot, new SupplyChainContagionParameters(Concurrency: 2)).Compute();
        Assert.Equal(one.Score, two.Score);
        Assert.Contains(one.Score, s => s > 0);
    }

    [Fact]
    public void EmptyGraph_GivesEmptyResult()
    {
        var snapshot = new SnapshotBuilder(0).Build();
        Assert.Empty(new SupplyChainContagion(snapshot, new SupplyChainContagionParameters()).Compute().Score);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SupplyChainContagion(snapshot, new SupplyChainContagionParameters()).Chain(0));
    }

    public static TheoryData<SupplyChainContagionParameters> InvalidParameters => new()
    {
        new SupplyChainContagionParameters(Decay: 0),
        new SupplyChainContagionParameters(Decay: 1.1),
        new SupplyChainContagionParameters(Decay: double.NaN),
        new SupplyChainContagionParameters(MaxHops: 0),
        new SupplyChainContagionParameters(MaxHops: 11),
        new SupplyChainContagionParameters(UpstreamWeight: -1),
        new SupplyChainContagionParameters(DownstreamWeight: 11),
        new SupplyChainContagionParameters(DownstreamWeight: double.PositiveInfinity),
        new SupplyChainContagionParameters(MaxChainSize: 0),
        new SupplyChainContagionParameters(Concurrency: -1),
    };

    [Theory]
    [MemberData(nameof(InvalidParameters))]
    public void InvalidParameters_Throw(SupplyChainContagionParameters parameters)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SupplyChainContagion(Chain(), parameters).Compute());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SupplyChainContagion(Chain(), parameters).Chain(2));
    }
}
