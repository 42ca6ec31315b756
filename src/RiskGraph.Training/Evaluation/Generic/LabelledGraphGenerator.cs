using System.Globalization;
using System.Text;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// A labelled graph of the shape issue #12 measures on (a public set of about 5,000 firms): many correlated, noisy
/// numeric attributes (driven by a few hidden factors, some missing), three relation types with community structure,
/// about 10 % positive, and a planted neighbourhood signal: a node's risk rises with its neighbours' hidden risk, so
/// aggregating the neighbourhood pays. Same seed, same bytes.
/// </summary>
public static class LabelledGraphGenerator
{
    private static readonly string[] Relations = ["trade", "ownership", "guarantee"];
    private static readonly double[] MeanDegree = [4.0, 1.5, 1.0];

    public static void Write(string folder, int nodes = 5_000, int attributes = 57, int seed = 1, double positiveShare = 0.10)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        const int factors = 6;
        int communities = Math.Max(1, nodes / 50);
        int[] community = new int[nodes];
        double[] communityRisk = new double[communities];
        for (int g = 0; g < communities; g++) communityRisk[g] = Normal(random);
        var factor = new double[nodes, factors];
        double[] own = new double[nodes];
        for (int v = 0; v < nodes; v++)
        {
            community[v] = random.Next(communities);
            for (int k = 0; k < factors; k++) factor[v, k] = Normal(random);
            own[v] = 0.6 * factor[v, 0] - 0.4 * factor[v, 1] + 0.7 * Normal(random);
        }

        var edges = new List<(int Src, int Dst)>[Relations.Length];
        var neighbours = new List<int>[nodes];
        for (int v = 0; v < nodes; v++) neighbours[v] = [];
        var members = new List<int>[communities];
        for (int g = 0; g < communities; g++) members[g] = [];
        for (int v = 0; v < nodes; v++) members[community[v]].Add(v);
        for (int r = 0; r < Relations.Length; r++)
        {
            edges[r] = [];
            int count = (int)(nodes * MeanDegree[r] / 2);
            for (int e = 0; e < count; e++)
            {
                int v = random.Next(nodes);
                var group = members[community[v]];
                int u = random.NextDouble() < 0.8 ? group[random.Next(group.Count)] : random.Next(nodes);
                if (u == v) continue;
                edges[r].Add((v, u));
                neighbours[v].Add(u);
                neighbours[u].Add(v);
            }
        }

        // Planted signal: the neighbours' hidden risk (guarantee partners weigh like trade partners here) and the community's.
        var risk = new double[nodes];
        for (int v = 0; v < nodes; v++)
        {
            double sum = 0;
            foreach (int u in neighbours[v]) sum += own[u];
            double around = neighbours[v].Count > 0 ? sum / Math.Sqrt(neighbours[v].Count) : 0;
            risk[v] = own[v] + 0.45 * around + 0.6 * communityRisk[community[v]] + 0.5 * Normal(random);
        }
        double[] sorted = (double[])risk.Clone();
        Array.Sort(sorted);
        double threshold = sorted[(int)(nodes * (1 - positiveShare))];

        var loading = new double[attributes, factors];
        var ownWeight = new double[attributes];
        for (int a = 0; a < attributes; a++)
        {
            for (int k = 0; k < factors; k++) loading[a, k] = random.NextDouble() < 0.5 ? Normal(random) * 0.6 : 0;
            ownWeight[a] = a % 5 == 0 ? 0.3 * Normal(random) : 0;
        }

        var csv = new StringBuilder("id,label");
        for (int a = 0; a < attributes; a++) csv.Append(",x").Append(a.ToString("D2", CultureInfo.InvariantCulture));
        csv.Append('\n');
        for (int v = 0; v < nodes; v++)
        {
            csv.Append('f').Append(v.ToString(CultureInfo.InvariantCulture)).Append(',').Append(risk[v] >= threshold ? '1' : '0');
            for (int a = 0; a < attributes; a++)
            {
                csv.Append(',');
                if (random.NextDouble() < 0.05) continue; // missing
                double x = ownWeight[a] * own[v] + Normal(random);
                for (int k = 0; k < factors; k++) x += loading[a, k] * factor[v, k];
                // Financial ratios are skewed: every third attribute is a log-normal amount.
                if (a % 3 == 2) x = Math.Exp(x / 2);
                csv.Append(x.ToString("0.####", CultureInfo.InvariantCulture));
            }
            csv.Append('\n');
        }
        File.WriteAllText(Path.Combine(folder, "nodes.csv"), csv.ToString());
        for (int r = 0; r < Relations.Length; r++)
        {
            var text = new StringBuilder("src,dst,weight\n");
            foreach (var (src, dst) in edges[r])
                text.Append($"f{src},f{dst},{(random.NextDouble() * 10).ToString("0.##", CultureInfo.InvariantCulture)}\n");
            File.WriteAllText(Path.Combine(folder, $"edges_{Relations[r]}.csv"), text.ToString());
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
