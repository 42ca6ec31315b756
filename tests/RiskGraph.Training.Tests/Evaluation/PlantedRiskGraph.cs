using System.Globalization;
using System.Text;

namespace RiskGraph.Training.Tests.Evaluation;

/// <summary>
/// A labelled graph shaped nothing like the synthetic enterprise data: a directed stochastic block model whose
/// risky nodes are planted in a few blocks. Own attributes carry only a weak hint of the label, so a model that
/// sees the neighbourhood must beat one that does not. The files exercise the generic format's corners: a
/// <c>type</c> and <c>weight</c> column in one edges file, a type taken from the file name in the other, duplicate
/// rows, self-loops, unlabelled nodes, a split column and categorical columns.
/// </summary>
public sealed class PlantedRiskGraph : IDisposable
{
    private PlantedRiskGraph(string folder) => Folder = folder;

    public string Folder { get; }

    public string Nodes => Path.Combine(Folder, "nodes.csv");

    public string[] Edges => [Path.Combine(Folder, "edges_links.csv"), Path.Combine(Folder, "edges_family.csv")];

    public static PlantedRiskGraph Create(int blocks = 30, int blockSize = 50, int riskyBlocks = 6, int seed = 11)
    {
        string folder = TempFolder.Create("planted");
        var random = new Random(seed);
        int n = blocks * blockSize;
        int Block(int v) => v / blockSize;
        bool RiskyBlock(int b) => b < riskyBlocks;

        var nodes = new StringBuilder("id,label,split,industry,region,noise,hint,size\n");
        for (int v = 0; v < n; v++)
        {
            bool risky = random.NextDouble() < (RiskyBlock(Block(v)) ? 0.45 : 0.04);
            string label = random.NextDouble() < 0.1 ? "" : risky ? "1" : "0";
            string split = (v % 10) switch { < 7 => "train", < 8 => "valid", _ => "test" };
            // The hint is weakly tied to the node's own label; noise and size are not tied to anything.
            double hint = Normal(random) + (risky ? 0.35 : 0.0);
            string size = random.NextDouble() < 0.1 ? "" : Number(Math.Exp(Normal(random)));
            nodes.Append($"n{v},{label},{split},ind{random.Next(6)},reg{Block(v) % 7},{Number(Normal(random))},{Number(hint)},{size}\n");
        }
        File.WriteAllText(Path.Combine(folder, "nodes.csv"), nodes.ToString());

        var links = new StringBuilder("src,dst,type,weight\n");
        var family = new StringBuilder("src,dst\n");
        for (int v = 0; v < n; v++)
        {
            for (int k = 0; k < 4; k++)
            {
                // Mostly within the block (where the planted risk clusters), sometimes anywhere.
                int u = random.NextDouble() < 0.8 ? Block(v) * blockSize + random.Next(blockSize) : random.Next(n);
                string type = random.NextDouble() < 0.7 ? "trade" : "ownership";
                string row = $"n{v},n{u},{type},{Number(random.NextDouble() * 100)}\n";
                links.Append(row);
                if (random.NextDouble() < 0.05) links.Append(row); // an exact duplicate row
            }
            if (random.NextDouble() < 0.02) links.Append($"n{v},n{v},trade,1\n"); // a self-loop
            if (random.NextDouble() < 0.3) family.Append($"n{v},n{Block(v) * blockSize + random.Next(blockSize)}\n");
        }
        File.WriteAllText(Path.Combine(folder, "edges_links.csv"), links.ToString());
        File.WriteAllText(Path.Combine(folder, "edges_family.csv"), family.ToString());
        return new PlantedRiskGraph(folder);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public void Dispose() => TempFolder.Delete(Folder);
}

/// <summary>Best-effort clean-up: litter in the temp folder must not fail a test.</summary>
public static class TempFolder
{
    public static string Create(string prefix)
    {
        string folder = Path.Combine(Path.GetTempPath(), "riskgraph-tests", prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
