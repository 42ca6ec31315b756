using System.Text.Json;
using System.Text.Json.Serialization;
using RiskGraph.Model.Features;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// How the model's training rows were distributed, saved beside the model (<c>drift-reference.json</c>) so a later
/// snapshot can be compared with them: per feature and for the score, the decile cut points of the training rows and
/// the share of rows in each bin. Bins are (-inf, c0], (c0, c1], …, (c_last, +inf); equal cut points (a feature that is
/// mostly 0) are merged, so a bin always holds a distinct range.
/// </summary>
public sealed record DriftReference(
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("features")] IReadOnlyList<BinnedDistribution> Features,
    [property: JsonPropertyName("score")] BinnedDistribution Score)
{
    public const string FileName = "drift-reference.json";
    private const int Bins = 10;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static DriftReference Of(FeatureMatrix matrix, IReadOnlyList<int> rows, float[] scores)
    {
        var features = new BinnedDistribution[matrix.Columns];
        var column = new float[rows.Count];
        for (int c = 0; c < matrix.Columns; c++)
        {
            for (int i = 0; i < rows.Count; i++) column[i] = matrix[rows[i], c];
            features[c] = BinnedDistribution.Of(matrix.Schema.Names[c], column, Bins);
        }
        return new DriftReference(rows.Count, features, BinnedDistribution.Of("score", scores, Bins));
    }

    public void Save(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>The reference saved with a model, or null for models saved before drift was tracked.</summary>
    public static DriftReference? Load(string folder)
    {
        string path = Path.Combine(folder, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<DriftReference>(File.ReadAllText(path), Json) : null;
    }
}

/// <param name="Cuts">Upper bounds of all bins but the last, ascending and distinct.</param>
/// <param name="Shares">Share of reference rows per bin (one more than <paramref name="Cuts"/>).</param>
public sealed record BinnedDistribution(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("cuts")] IReadOnlyList<float> Cuts,
    [property: JsonPropertyName("shares")] IReadOnlyList<double> Shares)
{
    /// <summary>Shares below this count as this, so an empty bin on one side gives a large but finite PSI term.</summary>
    public const double Floor = 1e-4;

    public static BinnedDistribution Of(string name, float[] values, int bins)
    {
        var sorted = (float[])values.Clone();
        Array.Sort(sorted);
        var cuts = new List<float>();
        for (int b = 1; b < bins && sorted.Length > 0; b++)
        {
            float cut = sorted[Math.Min(sorted.Length - 1, b * sorted.Length / bins)];
            if (cuts.Count == 0 || cut > cuts[^1]) cuts.Add(cut);
        }
        var shell = new BinnedDistribution(name, cuts.ToArray(), []);
        return shell with { Shares = shell.SharesOf(values) };
    }

    /// <summary>The share of <paramref name="values"/> in each of this distribution's bins (NaN falls in the first).</summary>
    public double[] SharesOf(ReadOnlySpan<float> values)
    {
        var counts = new double[Cuts.Count + 1];
        foreach (float v in values) counts[BinOf(v)]++;
        for (int b = 0; b < counts.Length; b++) counts[b] = values.Length == 0 ? 0 : counts[b] / values.Length;
        return counts;
    }

    /// <summary>
    /// Population stability index of <paramref name="actual"/> shares against these: Σ (a − e) · ln(a / e) over the
    /// bins. Under 0.1 little has moved; 0.1–0.2 some shift; above 0.2 the population has changed materially.
    /// </summary>
    public double Psi(IReadOnlyList<double> actual)
    {
        double psi = 0;
        for (int b = 0; b < Shares.Count; b++)
        {
            double e = Math.Max(Shares[b], Floor), a = Math.Max(actual[b], Floor);
            psi += (a - e) * Math.Log(a / e);
        }
        return psi;
    }

    private int BinOf(float value)
    {
        if (float.IsNaN(value)) return 0;
        int lo = 0, hi = Cuts.Count; // first cut >= value
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Cuts[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
