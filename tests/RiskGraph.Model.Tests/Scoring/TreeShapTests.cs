using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using RiskGraph.Model.Features;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Scoring;

public class TreeShapTests
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

    private static WarningModel TrainAndReload(FeatureMatrix matrix, bool[] labels, string folder, int trees = 40, int leaves = 8)
    {
        var ml = new MLContext(3);
        var rows = ModelDataViews.AllRows(matrix);
        var data = ModelDataViews.Create(ml, matrix, rows, Schema.Count, i => labels[i]);
        var transformer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = trees, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1,
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
        var shap = new TreeShap(model.Trees, matrix, Schema.Count);
        var rows = Enumerable.Range(0, 300).ToArray();
        var (raw, _) = model.Score(matrix, rows);

        var contributions = new double[Schema.Count];
        foreach (int row in rows)
        {
            double score = shap.Explain(matrix.Row(row), contributions);
            Assert.Equal(raw[row], score, 1e-4);
            Assert.Equal(score, shap.Bias + contributions.Sum(), 1e-9);
        }
    }

    /// <summary>
    /// The reference: Shapley values by their definition, over all 2^M coalitions, with the value of a coalition S
    /// the tree's expected output when S is fixed at the example and the rest follows the background rows through
    /// the splits. Trees and covers are read here independently, from ML.NET's public tree API.
    /// </summary>
    [Fact]
    public void Contributions_EqualBruteForceShapleyValues_OnASmallEnsemble()
    {
        using var temp = new TempFolder();
        var (matrix, labels) = RandomData(1_500, 21);
        var model = TrainAndReload(matrix, labels, temp.Path, trees: 12, leaves: 10);
        var shap = new TreeShap(model.Trees, matrix, Schema.Count);
        var reference = new BruteForceShapley(model.Trees, matrix, Schema.Count);
        var contributions = new double[Schema.Count];
        for (int row = 0; row < 60; row++)
        {
            shap.Explain(matrix.Row(row), contributions);
            double[] expected = reference.Values(matrix.Row(row));
            for (int f = 0; f < Schema.Count; f++) Assert.Equal(expected[f], contributions[f], 1e-6);
        }
        Assert.Equal(reference.Expected, shap.Bias, 1e-6);
    }

    [Fact]
    public void TheInformativeFeature_GetsTheLargestShareOfCredit_AndSomeContributionsLowerTheScore()
    {
        using var temp = new TempFolder();
        var (matrix, labels) = RandomData(2_000, 12);
        var model = TrainAndReload(matrix, labels, temp.Path);
        var shap = new TreeShap(model.Trees, matrix, Schema.Count);
        var total = new double[Schema.Count];
        var contributions = new double[Schema.Count];
        int negative = 0;
        for (int row = 0; row < matrix.Rows; row++)
        {
            shap.Explain(matrix.Row(row), contributions);
            for (int c = 0; c < total.Length; c++) total[c] += Math.Abs(contributions[c]);
            if (contributions[0] < 0) negative++;
        }
        Assert.Equal(0, Array.IndexOf(total, total.Max()));
        Assert.True(total[3] < total[0] / 3, "the noise feature should carry little credit");
        // Most rows have a low 'a', which makes them safer than average: Shapley values say so with a negative sign.
        Assert.True(negative > matrix.Rows / 3, $"only {negative} rows had a negative contribution of 'a'");
    }

    [Fact]
    public void ALightGbmModel_LoadsBack_AndItsShapleyValuesAddUpToItsRawScore()
    {
        using var temp = new TempFolder();
        var (matrix, labels) = RandomData(1_500, 31);
        var ml = new MLContext(3);
        var data = ModelDataViews.Create(ml, matrix, ModelDataViews.AllRows(matrix), Schema.Count, i => labels[i]);
        var transformer = ml.BinaryClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = 30, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1, Seed = 3, Silent = true,
        }).Fit(data);
        new WarningModel(ml, transformer, Schema).Save(temp.Path, data.Schema);
        var model = WarningModel.Load(temp.Path);
        Assert.Equal("lightgbm", model.Trainer);
        var shap = new TreeShap(model.Trees, matrix, Schema.Count);
        var reference = new BruteForceShapley(model.Trees, matrix, Schema.Count);
        var (raw, _) = model.Score(matrix, Enumerable.Range(0, 100).ToArray());
        var contributions = new double[Schema.Count];
        for (int row = 0; row < 100; row++)
        {
            double score = shap.Explain(matrix.Row(row), contributions);
            Assert.Equal(raw[row], score, 1e-4);
            Assert.Equal(score, shap.Bias + contributions.Sum(), 1e-9);
            double[] expected = reference.Values(matrix.Row(row));
            for (int f = 0; f < Schema.Count; f++) Assert.Equal(expected[f], contributions[f], 1e-6);
        }
    }

    [Fact]
    public void LoadingSomethingElse_FailsClearly()
    {
        using var temp = new TempFolder();
        Assert.ThrowsAny<Exception>(() => WarningModel.Load(temp.Path));
    }
}
