using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Scoring;

public class TreePathAttributionTests
{
    private static readonly FeatureSchema Schema = new("test", ["a", "b", "c", "noise"], 2, ["a", "b", "c", "noise"]);

    private static (FeatureMatrix Matrix, bool[] Labels) RandomData(int rows, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * Schema.Count];
        var labels = new bool[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < Schema.Count; c++) values[r * Schema.Count + c] = (float)random.NextDouble();
            labels[r] = values[r * 4] + 0.5 * values[r * 4 + 1] * values[r * 4 + 2] + 0.3 * random.NextDouble() > 0.9;
        }
        return (new FeatureMatrix(Schema, rows, values), labels);
    }

    private static WarningModel TrainAndReload(FeatureMatrix matrix, bool[] labels, string folder)
    {
        var ml = new MLContext(3);
        var rows = ModelDataViews.AllRows(matrix);
        var data = ModelDataViews.Create(ml, matrix, rows, Schema.Count, i => labels[i]);
        var transformer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 40, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1,
        }).Fit(data);
        new WarningModel(ml, transformer, Schema).Save(folder, data.Schema);
        return WarningModel.Load(folder);
    }

    [Fact]
    public void BiasPlusContributions_ReproduceTheRawScore_OfAModelLoadedFromDisk()
    {
        using var temp = new TempFolder();
        var (matrix, labels) = RandomData(2_000, 11);
        var model = TrainAndReload(matrix, labels, temp.Path);
        var attribution = new TreePathAttribution(model.Trees, matrix, Schema.Count);
        var rows = Enumerable.Range(0, 300).ToArray();
        var (raw, _) = model.Score(matrix, rows);

        var contributions = new double[Schema.Count];
        foreach (int row in rows)
        {
            double score = attribution.Explain(matrix.Row(row), contributions);
            Assert.Equal(raw[row], score, 1e-4);
            Assert.Equal(score, attribution.Bias + contributions.Sum(), 1e-9);
        }
    }

    [Fact]
    public void TheInformativeFeature_GetsTheLargestShareOfCredit()
    {
        using var temp = new TempFolder();
        var (matrix, labels) = RandomData(2_000, 12);
        var model = TrainAndReload(matrix, labels, temp.Path);
        var attribution = new TreePathAttribution(model.Trees, matrix, Schema.Count);
        var total = new double[Schema.Count];
        var contributions = new double[Schema.Count];
        for (int row = 0; row < matrix.Rows; row++)
        {
            attribution.Explain(matrix.Row(row), contributions);
            for (int c = 0; c < total.Length; c++) total[c] += Math.Abs(contributions[c]);
        }
        Assert.Equal(0, Array.IndexOf(total, total.Max()));
        Assert.True(total[3] < total[0] / 3, "the noise feature should carry little credit");
    }

    [Fact]
    public void LoadingSomethingElse_FailsClearly()
    {
        using var temp = new TempFolder();
        Assert.ThrowsAny<Exception>(() => WarningModel.Load(temp.Path));
    }
}
