using RiskGraph.Model.Algorithms.Common;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Guarantees;

/// <summary>
/// Default spreading over guarantee edges in rounds. Stress is a number in [0, 1]: 1 for an enterprise with a
/// negative record, 0 otherwise at the start. A guarantor answers for the debts of the enterprises it guarantees,
/// so each round it takes on the stress of each of them weighted by the guaranteed amount over its own registered
/// capital (capped at 1: a guarantee as large as the guarantor's capital passes the whole default on); its new
/// stress is the larger of what it had and the capped sum. Stress never falls, so round r says how far r rounds
/// of defaults reach. Unknown or zero capital counts as fully exposed. Each round pulls over the guarantor's own
/// slots into a fresh array, so batches write disjoint entries and any thread count gives the same numbers.
/// </summary>
internal static class GuaranteeContagion
{
    private static readonly byte GuaranteesOut = EdgeKind.Outgoing(RelationType.Guarantees);

    public static double[] Run(GraphSnapshot snapshot, int rounds, int concurrency, CancellationToken cancellationToken)
    {
        int n = snapshot.EnterpriseCount;
        var graph = snapshot.Graph;
        int[] offsets = graph.Offsets, targets = graph.Targets;
        byte[] kinds = graph.Kinds;
        float[] weights = graph.Weights, capital = snapshot.Enterprises.RegisteredCapital;
        bool[] negative = snapshot.Credit.Negative;
        var now = new double[n];
        for (int v = 0; v < n; v++) now[v] = negative[v] ? 1 : 0;
        var next = new double[n];
        for (int round = 0; round < rounds; round++)
        {
            var (from, to) = (now, next);
            NodeBatches.Run(n, concurrency, cancellationToken, (start, end) =>
            {
                for (int v = start; v < end; v++)
                {
                    double sum = 0, own = capital[v];
                    for (int e = offsets[v], stop = offsets[v + 1]; e < stop; e++)
                    {
                        int u = targets[e];
                        if (kinds[e] != GuaranteesOut || u >= n || u == v) continue;
                        double exposure = own > 0 && float.IsFinite(weights[e]) ? Math.Min(1, Math.Max(0, weights[e]) / own) : 1;
                        sum += from[u] * exposure;
                    }
                    to[v] = Math.Max(from[v], Math.Min(1, sum));
                }
            });
            (now, next) = (next, now);
        }
        return now;
    }
}
