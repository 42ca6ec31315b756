using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.SupplyChain;

/// <summary>
/// One side of a supply pull: the weighted average of a per-enterprise value over an enterprise's partners on
/// that side (its suppliers, or its buyers). The normaliser is computed once per enterprise: 1 / total amount
/// when weighing by amount, 1 / partner count otherwise or when all amounts are zero.
/// </summary>
internal sealed class SupplyPull
{
    private readonly CsrGraph _graph;
    private readonly byte _kind;
    private readonly int _enterprises;
    private readonly double[] _scale;
    private readonly bool[] _byAmount;

    public SupplyPull(GraphSnapshot snapshot, byte kind, bool amountWeighted)
    {
        _graph = snapshot.Graph;
        _kind = kind;
        _enterprises = snapshot.EnterpriseCount;
        _scale = new double[_enterprises];
        _byAmount = new bool[_enterprises];
        int[] offsets = _graph.Offsets;
        for (int v = 0; v < _enterprises; v++)
        {
            double amount = 0;
            int count = 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                if (_graph.Kinds[e] != kind || _graph.Targets[e] >= _enterprises) continue;
                count++;
                float w = _graph.Weights[e];
                if (w > 0 && float.IsFinite(w)) amount += w;
            }
            _byAmount[v] = amountWeighted && amount > 0;
            _scale[v] = _byAmount[v] ? 1 / amount : count == 0 ? 0 : 1.0 / count;
        }
    }

    public double Pull(int v, double[] value)
    {
        int[] offsets = _graph.Offsets, targets = _graph.Targets;
        byte[] kinds = _graph.Kinds;
        float[] weights = _graph.Weights;
        double sum = 0;
        bool byAmount = _byAmount[v];
        for (int e = offsets[v], end = offsets[v + 1]; e < end; e++)
        {
            int t = targets[e];
            if (kinds[e] != _kind || t >= _enterprises) continue;
            if (!byAmount)
            {
                sum += value[t];
                continue;
            }
            float w = weights[e];
            if (w > 0 && float.IsFinite(w)) sum += w * value[t];
        }
        return sum * _scale[v];
    }
}
