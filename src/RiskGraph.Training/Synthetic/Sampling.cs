namespace RiskGraph.Training.Synthetic;

/// <summary>Distributions the generator needs, on top of <see cref="Random"/>.</summary>
internal static class Sampling
{
    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>Inclusive on both ends, which reads better for "1 to 4 executives".</summary>
    public static int Between(this Random rng, int minInclusive, int maxInclusive) => rng.Next(minInclusive, maxInclusive + 1);

    /// <summary>Standard normal by Box-Muller; one value per call keeps the stream consumption obvious.</summary>
    public static double NextNormal(this Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(); // (0, 1], so the logarithm is finite
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double NextLogNormal(this Random rng, double median, double sigma) =>
        median * Math.Exp(sigma * rng.NextNormal());

    public static double NextExponential(this Random rng, double mean) => -mean * Math.Log(1.0 - rng.NextDouble());

    /// <summary>Pareto with minimum <paramref name="minimum"/> and tail index <paramref name="alpha"/>: the heavy tails.</summary>
    public static double NextPareto(this Random rng, double minimum, double alpha) =>
        minimum / Math.Pow(1.0 - rng.NextDouble(), 1.0 / alpha);

    /// <summary>Knuth's product method; fine for the small rates used here (the rate is capped to keep it cheap).</summary>
    public static int NextPoisson(this Random rng, double lambda)
    {
        if (lambda <= 0) return 0;
        double limit = Math.Exp(-Math.Min(lambda, 30.0));
        int k = 0;
        double product = rng.NextDouble();
        while (product > limit)
        {
            k++;
            product *= rng.NextDouble();
        }
        return k;
    }

    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>Weight of rank <paramref name="rank"/> (1-based) in a Zipf law: a few large categories, a long tail.</summary>
    public static double Zipf(int rank, double exponent) => 1.0 / Math.Pow(rank, exponent);

    /// <summary>
    /// Splits <paramref name="total"/> basis points into <paramref name="parts"/> positive integers, the first part
    /// tending to be the largest (a founder and minority partners). Whole percentages when possible, as in real
    /// articles of association.
    /// </summary>
    public static void SplitShares(this Random rng, int total, Span<int> parts)
    {
        int n = parts.Length;
        int unit = total % 100 == 0 && total / 100 >= n ? 100 : 1;
        int units = total / unit;
        Span<double> weights = stackalloc double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            weights[i] = rng.NextExponential(1.0) + (i == 0 ? 1.0 : 0.1);
            sum += weights[i];
        }
        int given = 0;
        for (int i = 0; i < n - 1; i++)
        {
            int share = Math.Max(1, (int)(units * weights[i] / sum));
            share = Math.Min(share, units - given - (n - 1 - i)); // leave at least one unit for each later part
            parts[i] = share * unit;
            given += share;
        }
        parts[n - 1] = (units - given) * unit + (total - units * unit);
    }
}

/// <summary>Sampling an index in proportion to fixed weights, by binary search over the running sums.</summary>
internal sealed class WeightedTable
{
    private readonly double[] _cumulative;

    public WeightedTable(ReadOnlySpan<double> weights)
    {
        if (weights.Length == 0) throw new ArgumentException("At least one weight is needed.", nameof(weights));
        _cumulative = new double[weights.Length];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] < 0) throw new ArgumentException("Weights must not be negative.", nameof(weights));
            sum += weights[i];
            _cumulative[i] = sum;
        }
        if (sum <= 0) throw new ArgumentException("At least one weight must be positive.", nameof(weights));
    }

    public int Count => _cumulative.Length;

    public double Total => _cumulative[^1];

    /// <summary>Entries of weight 0 are never returned: the search looks for the first running sum above u.</summary>
    public int Sample(Random rng)
    {
        double u = rng.NextDouble() * Total;
        int lo = 0, hi = _cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_cumulative[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
