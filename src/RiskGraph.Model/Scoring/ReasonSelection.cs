using RiskGraph.Model.Features;

namespace RiskGraph.Model.Scoring;

/// <summary>Picks the reasons shown with a warning: the largest contributions in each direction, by plain loops.</summary>
public static class ReasonSelection
{
    public const string Raises = "raises";
    public const string Lowers = "lowers";

    /// <summary>
    /// Contributions smaller than this (log-odds) are left out: a change of score well under 0.1 % is not a reason.
    /// </summary>
    public const double Negligible = 0.001;

    public static IReadOnlyList<WarningReason> Select(FeatureSchema schema, ReadOnlySpan<float> values, ReadOnlySpan<double> contributions, int perDirection)
    {
        // At most one slot per feature; capped so the stack buffers stay small whatever a caller asks for.
        int keep = Math.Clamp(perDirection, 0, Math.Min(contributions.Length, 64));
        Span<int> up = stackalloc int[keep];
        Span<int> down = stackalloc int[keep];
        int ups = 0, downs = 0;
        for (int slot = 0; slot < contributions.Length; slot++)
        {
            double c = contributions[slot];
            if (c >= Negligible) ups = Insert(up, ups, slot, contributions, descending: true);
            else if (c <= -Negligible) downs = Insert(down, downs, slot, contributions, descending: false);
        }
        var reasons = new WarningReason[ups + downs];
        for (int i = 0; i < ups; i++) reasons[i] = Reason(schema, values, contributions, up[i]);
        for (int i = 0; i < downs; i++) reasons[ups + i] = Reason(schema, values, contributions, down[i]);
        return reasons;
    }

    // Keeps `top` sorted (largest first, or most negative first); ties keep the lower slot first.
    private static int Insert(Span<int> top, int count, int slot, ReadOnlySpan<double> contributions, bool descending)
    {
        double c = contributions[slot];
        int position = count;
        while (position > 0 && (descending ? c > contributions[top[position - 1]] : c < contributions[top[position - 1]])) position--;
        if (position >= top.Length) return count;
        int last = Math.Min(count, top.Length - 1);
        for (int i = last; i > position; i--) top[i] = top[i - 1];
        top[position] = slot;
        return Math.Min(count + 1, top.Length);
    }

    private static WarningReason Reason(FeatureSchema schema, ReadOnlySpan<float> values, ReadOnlySpan<double> contributions, int slot) =>
        new(schema.Names[slot], schema.Descriptions[slot], Math.Round(values[slot], 6), Math.Round(contributions[slot], 6),
            contributions[slot] > 0 ? Raises : Lowers);
}
