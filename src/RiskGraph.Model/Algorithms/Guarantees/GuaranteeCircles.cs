using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Guarantees;

/// <summary>
/// Guarantee circles (担保圈), mutual guarantees (互保) and guarantee triangles on the CSR graph, with per-circle
/// amounts, negative-record share and contagion score. Everything is counting over the enterprises' own edge
/// slots into arrays: components by <see cref="GuaranteeScc"/>, motifs by <see cref="GuaranteeMotifs"/>, stress by
/// <see cref="GuaranteeContagion"/>. Deterministic: circles are numbered by their smallest member.
/// </summary>
public sealed class GuaranteeCircles(GraphSnapshot snapshot, GuaranteeCirclesParameters parameters, CancellationToken cancellationToken = default)
{
    private static readonly byte GuaranteesOut = EdgeKind.Outgoing(RelationType.Guarantees);

    public GuaranteeCirclesResult Compute()
    {
        parameters.Validate();
        int n = snapshot.EnterpriseCount;
        if (n == 0) return GuaranteeCirclesResult.Empty;
        var graph = snapshot.Graph;
        var (circleOf, circles) = GuaranteeScc.Compute(graph, n, cancellationToken);

        var offsets = new int[circles + 1];
        for (int v = 0; v < n; v++)
            if (circleOf[v] >= 0) offsets[circleOf[v] + 1]++;
        for (int c = 0; c < circles; c++) offsets[c + 1] += offsets[c];
        var members = new int[offsets[circles]];
        var cursor = offsets[..circles];
        for (int v = 0; v < n; v++)
            if (circleOf[v] >= 0) members[cursor[circleOf[v]]++] = v;

        var triangles = new int[circles];
        var (mutual, trianglesOf) = GuaranteeMotifs.Compute(graph, n, (a, b, c) =>
        {
            int circle = circleOf[a];
            if (circle >= 0 && circleOf[b] == circle && circleOf[c] == circle) triangles[circle]++;
        }, cancellationToken);
        var stress = GuaranteeContagion.Run(snapshot, parameters.ContagionRounds, parameters.Concurrency, cancellationToken);

        var total = new double[circles];
        var largest = new double[circles];
        var negative = new int[circles];
        var pairs = new int[circles];
        var contagion = new double[circles];
        int[] graphOffsets = graph.Offsets, targets = graph.Targets;
        byte[] kinds = graph.Kinds;
        float[] weights = graph.Weights;
        bool[] isNegative = snapshot.Credit.Negative;
        for (int v = 0; v < n; v++)
        {
            int c = circleOf[v];
            if (c < 0) continue;
            if (isNegative[v]) negative[c]++;
            pairs[c] += mutual[v];
            contagion[c] += stress[v];
            for (int e = graphOffsets[v]; e < graphOffsets[v + 1]; e++)
            {
                int u = targets[e];
                if (kinds[e] != GuaranteesOut || u >= n || u == v || circleOf[u] != c) continue;
                double amount = float.IsFinite(weights[e]) ? Math.Max(0, weights[e]) : 0;
                total[c] += amount;
                if (amount > largest[c]) largest[c] = amount;
            }
        }
        for (int c = 0; c < circles; c++)
        {
            // Each mutual pair was counted from both ends.
            pairs[c] /= 2;
            contagion[c] /= offsets[c + 1] - offsets[c];
        }
        return new GuaranteeCirclesResult(circleOf, offsets, members, total, largest, negative, pairs, triangles, contagion,
            mutual, trianglesOf, stress, parameters.ContagionRounds);
    }
}
