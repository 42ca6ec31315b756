using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Scoring;

/// <summary>The model scores rows on its own tree arrays; ML.NET's transformer over the same rows is the reference.</summary>
public class EnsembleScorerTests
{
    private static readonly FeatureSchema Schema = new("test", ["a", "b", "c", "missing"], 2, ["a", "b", "c", "missing"]);

    [Theory]
    [InlineData(300)]     // one thread
    [InlineData(40_000)]  // split over the processors
    public void Scores_AreMlNetsOwn_OnAModelLoadedFromDisk(int rowCount)
    {
        using var temp = new TempFolder();
        var random = new Random(5);
        var values = new float[rowCount * Schema.Count];
        var labels = new bool[rowCount];
        for (int r = 0; r < rowCount; r++)
        {
            for (int c = 0; c < 3; c++) values[r * 4 + c] = (float)random.NextDouble();
            // Missing values go right at every split, in ML.NET and here alike.
            values[r * 4 + 3] = r % 7 == 0 ? float.NaN : (float)random.NextDouble();
            labels[r] = values[r * 4] + 0.5 * values[r * 4 + 1] * values[r * 4 + 2] + 0.3 * random.NextDouble() > 0.9;
        }
        var matrix = new FeatureMatrix(Schema, rowCount, values);
        var ml = new MLContext(3);
        var all = ModelDataViews.AllRows(matrix);
        var data = ModelDataViews.Create(ml, matrix, all, Schema.Count, i => labels[i]);
        var transformer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 60, NumberOfLeaves = 12, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1,
        }).Fit(data);
        new WarningModel(ml, transformer, Schema).Save(temp.Path, data.Schema);
        var model = WarningModel.Load(temp.Path);

        var rows = all.Where(r => r % 3 != 1).ToArray();
        var (raw, probability) = model.Score(matrix, rows);
        var reference = model.Transformer.Transform(ModelDataViews.Create(ml, matrix, rows, Schema.Count));
        float[] mlRaw = reference.GetColumn<float>("Score").ToArray();
        float[] mlProbability = reference.GetColumn<float>("Probability").ToArray();

        Assert.Equal(rows.Length, raw.Length);
        Assert.Contains(mlRaw, r => r > 0);
        Assert.Contains(mlRaw, r => r < 0);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(mlRaw[i], raw[i], 1e-5);
            Assert.Equal(mlProbability[i], probability[i], 1e-6);
        }
    }
}
