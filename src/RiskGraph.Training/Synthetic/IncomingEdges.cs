namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Enterprise-to-enterprise relations as a compressed sparse row of incoming edges (who passes distress to whom,
/// with what weight), built from the shareholding, guarantee and supply rows.
/// </summary>
internal sealed class IncomingEdges
{
    private readonly int[] _offsets;
    private readonly int[] _sources;
    private readonly float[] _weights;

    private IncomingEdges(int[] offsets, int[] sources, float[] weights)
    {
        _offsets = offsets;
        _sources = sources;
        _weights = weights;
    }

    public static IncomingEdges Build(
        SyntheticWorld world, double holderToHeld, double heldToHolder, double guaranteedToGuarantor,
        double guarantorToGuaranteed, double buyerToSupplier, double supplierToBuyer)
    {
        // Two passes over the same edge enumeration: count per target, then fill.
        var offsets = new int[world.Count + 1];
        Enumerate(world, (source, target, weight) => offsets[target + 1]++);
        for (int i = 0; i < world.Count; i++) offsets[i + 1] += offsets[i];
        var sources = new int[offsets[world.Count]];
        var weights = new float[sources.Length];
        var cursor = (int[])offsets.Clone();
        Enumerate(world, (source, target, weight) =>
        {
            int at = cursor[target]++;
            sources[at] = source;
            weights[at] = (float)weight;
        });
        return new IncomingEdges(offsets, sources, weights);

        void Enumerate(SyntheticWorld w, Action<int, int, double> edge)
        {
            foreach (var s in w.Shareholdings)
            {
                if (s.HolderIsPerson) continue;
                // A token stake passes less than control does.
                double strength = 0.3 + 0.7 * s.ShareBp / 10_000.0;
                edge(s.Holder, s.Enterprise, holderToHeld * strength);
                edge(s.Enterprise, s.Holder, heldToHolder * strength);
            }
            foreach (var g in w.Guarantees)
            {
                edge(g.Guaranteed, g.Guarantor, guaranteedToGuarantor);
                edge(g.Guarantor, g.Guaranteed, guarantorToGuaranteed);
            }
            foreach (var l in w.SupplyLinks)
            {
                edge(l.Buyer, l.Supplier, buyerToSupplier);
                edge(l.Supplier, l.Buyer, supplierToBuyer);
            }
        }
    }

    /// <summary>incoming[t] = Σ weight × value[source] over the edges into t.</summary>
    public void Gather(double[] values, double[] incoming)
    {
        for (int t = 0; t < incoming.Length; t++)
        {
            double sum = 0;
            for (int e = _offsets[t]; e < _offsets[t + 1]; e++) sum += _weights[e] * values[_sources[e]];
            incoming[t] = sum;
        }
    }
}
