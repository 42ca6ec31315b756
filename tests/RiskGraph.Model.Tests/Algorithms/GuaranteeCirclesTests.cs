using RiskGraph.Model.Algorithms.Guarantees;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Tests.Algorithms;

public class GuaranteeCirclesTests
{
    private const int A = 0, B = 1, C = 2, D = 3, E = 4, F = 5, G = 6, H = 7, I = 8, J = 9;

    /// <summary>
    /// A → B → C → A: a directed cycle across three regions (a circle and a triangle), amounts 100, 200, 300; A is
    /// negative. D ↔ E: a mutual guarantee. F → G, G → H, F → H: a triangle that is no cycle, so no circle. I → J: a
    /// plain guarantee. Capitals: B 100, C 600, the others unknown.
    /// </summary>
    private static GraphSnapshot Network() => new SnapshotBuilder(10)
        .Place(A, 0, 0).Place(B, 1, 1).Place(C, 0, 2)
        .Relation(A, B, RelationType.Guarantees, 100)
        .Relation(B, C, RelationType.Guarantees, 200)
        .Relation(C, A, RelationType.Guarantees, 300)
        .Relation(D, E, RelationType.Guarantees, 50)
        .Relation(E, D, RelationType.Guarantees, 70)
        .Relation(F, G, RelationType.Guarantees, 1)
        .Relation(G, H, RelationType.Guarantees, 1)
        .Relation(F, H, RelationType.Guarantees, 1)
        .Relation(I, J, RelationType.Guarantees, 1)
        .Relation(A, D, RelationType.SuppliesTo, 1)
        .Capital(B, 100).Capital(C, 600)
        .Negative(A)
        .Build();

    [Fact]
    public void CyclesAndMutualPairs_AreCircles_ATriangleWithoutACycleIsNot()
    {
        var result = new GuaranteeCircles(Network(), new GuaranteeCirclesParameters()).Compute();

        Assert.Equal(2, result.CircleCount);
        Assert.Equal([A, B, C], result.MembersOf(0).ToArray());
        Assert.Equal([D, E], result.MembersOf(1).ToArray());
        Assert.Equal([0, 0, 0, 1, 1, -1, -1, -1, -1, -1], result.CircleOf);
        Assert.Equal(600, result.TotalAmount[0]);
        Assert.Equal(300, result.LargestAmount[0]);
        Assert.Equal(120, result.TotalAmount[1]);
        Assert.Equal(70, result.LargestAmount[1]);
        Assert.Equal(1, result.NegativeMembers[0]);
        Assert.Equal(1.0 / 3, result.NegativeShare(0), 1e-12);
        Assert.Equal(0, result.MutualPairs[0]);
        Assert.Equal(1, result.MutualPairs[1]);
        Assert.Equal(1, result.Triangles[0]);
        Assert.Equal(0, result.Triangles[1]);
    }

    [Fact]
    public void Motifs_CountMutualPartnersAndTrianglesPerEnterprise()
    {
        var result = new GuaranteeCircles(Network(), new GuaranteeCirclesParameters()).Compute();

        Assert.Equal([0, 0, 0, 1, 1, 0, 0, 0, 0, 0], result.MutualPartners);
        // The mutual pair is two slots between D and E but no triangle; F, G, H form one though no cycle does.
        Assert.Equal([1, 1, 1, 0, 0, 1, 1, 1, 0, 0], result.TrianglesOf);
    }

    [Fact]
    public void Contagion_SpreadsFromTheGuaranteedToItsGuarantorsInRounds_WeightedByAmountOverCapital()
    {
        // A is negative. C guarantees A for 300 on a capital of 600: stress 0.5 after round 1. B guarantees C for 200
        // on a capital of 100 (capped at 1): B takes C's 0.5 in round 2.
        var one = new GuaranteeCircles(Network(), new GuaranteeCirclesParameters(ContagionRounds: 1)).Compute();
        Assert.Equal([1, 0, 0.5], one.Stress[..3]);
        Assert.Equal(0.5, one.Contagion[0], 1e-12);

        var three = new GuaranteeCircles(Network(), new GuaranteeCirclesParameters(ContagionRounds: 3)).Compute();
        Assert.Equal([1, 0.5, 0.5], three.Stress[..3]);
        Assert.Equal(2.0 / 3, three.Contagion[0], 1e-12);
        Assert.Equal(0, three.Contagion[1]);
        // Supply links carry no guarantee stress.
        Assert.Equal(0, three.Stress[D]);
    }

    [Fact]
    public void ACycleAcrossRegions_IsOneCircleSpanningThem()
    {
        var snapshot = Network();
        var result = new GuaranteeCircles(snapshot, new GuaranteeCirclesParameters()).Compute();
        var regions = result.MembersOf(0).ToArray().Select(m => snapshot.Enterprises.RegionCodes[snapshot.Enterprises.Region[m]]).Distinct();
        Assert.Equal(["R0", "R1", "R2"], regions);
    }

    [Fact]
    public void OneAndManyThreads_GiveTheSameResult()
    {
        var snapshot = RandomGuarantees(30_000, 45_000, seed: 5);
        var one = new GuaranteeCircles(snapshot, new GuaranteeCirclesParameters(Concurrency: 1)).Compute();
        var many = new GuaranteeCircles(snapshot, new GuaranteeCirclesParameters(Concurrency: 4)).Compute();
        Assert.True(one.CircleCount > 0);
        Assert.Equal(one.CircleOf, many.CircleOf);
        Assert.Equal(one.Stress, many.Stress);
        Assert.Equal(one.Contagion, many.Contagion);
        Assert.Equal(one.TrianglesOf, many.TrianglesOf);
    }

    [Fact]
    public void TrianglesMatchABruteForceCount_OnARandomGraph()
    {
        var snapshot = RandomGuarantees(400, 1_500, seed: 9);
        var result = new GuaranteeCircles(snapshot, new GuaranteeCirclesParameters()).Compute();
        var graph = snapshot.Graph;
        var linked = new HashSet<(int, int)>();
        for (int v = 0; v < 400; v++)
            for (int e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
                if (EdgeKind.TypeOf(graph.Kinds[e]) == RelationType.Guarantees && graph.Targets[e] < 400 && graph.Targets[e] != v)
                    linked.Add((v, graph.Targets[e]));
        var expected = new int[400];
        for (int a = 0; a < 400; a++)
            for (int b = a + 1; b < 400; b++)
            {
                if (!linked.Contains((a, b))) continue;
                for (int c = b + 1; c < 400; c++)
                {
                    if (!linked.Contains((a, c)) || !linked.Contains((b, c))) continue;
                    expected[a]++;
                    expected[b]++;
                    expected[c]++;
                }
            }
        Assert.Contains(expected, t => t > 0);
        Assert.Equal(expected, result.TrianglesOf);
    }

    [Fact]
    public void Circles_AreExactlyTheSetsOfMutuallyReachableEnterprises()
    {
        const int n = 300;
        var snapshot = RandomGuarantees(n, 330, seed: 3);
        var result = new GuaranteeCircles(snapshot, new GuaranteeCirclesParameters()).Compute();
        var graph = snapshot.Graph;
        var reach = new bool[n, n];
        for (int s = 0; s < n; s++)
        {
            var queue = new Queue<int>([s]);
            reach[s, s] = true;
            while (queue.TryDequeue(out int v))
                for (int e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
                {
                    int w = graph.Targets[e];
                    if (graph.Kinds[e] != EdgeKind.Outgoing(RelationType.Guarantees) || reach[s, w]) continue;
                    reach[s, w] = true;
                    queue.Enqueue(w);
                }
        }
        Assert.True(result.CircleCount > 0);
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
            {
                if (a == b) continue;
                bool together = reach[a, b] && reach[b, a];
                Assert.Equal(together, result.CircleOf[a] >= 0 && result.CircleOf[a] == result.CircleOf[b]);
            }
    }

    /// <summary>Uniformly random guarantees (mean out-degree above 1, so a large circle forms), every seventh enterprise negative.</summary>
    private static GraphSnapshot RandomGuarantees(int enterprises, int guarantees, int seed)
    {
        var random = new Random(seed);
        var builder = new SnapshotBuilder(enterprises);
        for (int e = 0; e < enterprises; e++) builder.Capital(e, random.Next(0, 2_000));
        for (int e = 0; e < enterprises; e += 7) builder.Negative(e);
        for (int i = 0; i < guarantees; i++) builder.Relation(random.Next(enterprises), random.Next(enterprises), RelationType.Guarantees, random.Next(1, 1_000));
        return builder.Build();
    }

    [Fact]
    public void ALongChainClosedIntoACycle_DoesNotOverflowTheStack()
    {
        const int n = 200_000;
        var builder = new SnapshotBuilder(n);
        for (int v = 0; v < n; v++) builder.Relation(v, (v + 1) % n, RelationType.Guarantees, 1);
        var result = new GuaranteeCircles(builder.Build(), new GuaranteeCirclesParameters()).Compute();
        Assert.Equal(1, result.CircleCount);
        Assert.Equal(n, result.SizeOf(0));
    }

    [Fact]
    public void EmptyGraph_AndBadParameters()
    {
        Assert.Equal(0, new GuaranteeCircles(new SnapshotBuilder(0).Build(), new GuaranteeCirclesParameters()).Compute().CircleCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GuaranteeCircles(Network(), new GuaranteeCirclesParameters(ContagionRounds: 0)).Compute());
        Assert.Throws<ArgumentOutOfRangeException>(() => new GuaranteeCircles(Network(), new GuaranteeCirclesParameters(ContagionRounds: 21)).Compute());
    }
}
