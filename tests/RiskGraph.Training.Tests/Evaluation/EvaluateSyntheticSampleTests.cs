using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Training.Tests.Evaluation;

/// <summary>export-generic on the committed sample, then evaluate on the result.</summary>
public class EvaluateSyntheticSampleTests
{
    [Fact]
    public void TheCommittedSample_ExportedToTheGenericFormat_EvaluatesWithSaneMetrics()
    {
        string folder = TempFolder.Create("sample-generic");
        try
        {
            var export = VerbRunner.Run("export-generic", "--from", Path.Combine(RepositoryRoot.Path, "data", "synthetic"), "--out", folder);
            Assert.True(export.ExitCode == 0, export.Error);
            string[] nodes = File.ReadAllLines(Path.Combine(folder, "nodes.csv"));
            Assert.StartsWith("id,label,industry,region,penalty_warning,", nodes[0]);
            Assert.Equal(2000, nodes.Count(l => l.Split(',')[1] is "0" or "1"));
            Assert.Contains(nodes, l => l.StartsWith("P0000001,,", StringComparison.Ordinal));
            string[] edges = ["shareholding", "supply", "guarantee", "person"];
            foreach (string type in edges) Assert.True(File.ReadAllLines(Path.Combine(folder, $"edges_{type}.csv")).Length > 100, type);

            var json = VerbRunner.Evaluate(Path.Combine(folder, "nodes.csv"), edges.Select(t => Path.Combine(folder, $"edges_{t}.csv")),
                Path.Combine(folder, "metrics.json"), trees: 60);

            Assert.Equal(5, json.GetProperty("fold_count").GetInt32());
            Assert.Equal(2000, json.GetProperty("labelled").GetInt32());
            double auc = json.Number("full", "auc_mean");
            Assert.True(auc is > 0.5 and <= 1, $"full AUC {auc}");
            Assert.InRange(json.Number("attributes_only", "auc_mean"), 0, 1);
            Assert.InRange(json.Number("full", "auprc_mean"), 0, 1);
            Assert.InRange(json.Number("full", "brier"), 0, 0.25);
            Assert.Equal(5, json.GetProperty("full").GetProperty("folds").GetArrayLength());
            Assert.Equal(5, json.GetProperty("paired_difference").GetProperty("auc").GetProperty("per_fold").GetArrayLength());
            Assert.Contains("legal_representative", json.GetProperty("relation_types").EnumerateArray().Select(t => t.GetString()));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
