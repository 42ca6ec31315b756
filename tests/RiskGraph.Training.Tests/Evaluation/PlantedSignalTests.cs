namespace RiskGraph.Training.Tests.Evaluation;

/// <summary>On a directed block-model graph with planted risky clusters, the graph features must pay off.</summary>
public class PlantedSignalTests
{
    [Fact]
    public void OnPlantedRiskyClusters_TheFullModelBeatsAttributesOnly()
    {
        using var graph = PlantedRiskGraph.Create();
        var json = VerbRunner.Evaluate(graph.Nodes, graph.Edges, Path.Combine(graph.Folder, "metrics.json"), trees: 60, "--directed");

        double full = json.Number("full", "auc_mean"), baseline = json.Number("attributes_only", "auc_mean");
        Assert.True(full is > 0.5 and <= 1, $"full AUC {full}");
        Assert.True(full > baseline + 0.05, $"full AUC {full} vs attributes only {baseline}");
        Assert.True(json.Number("paired_difference", "auc", "mean") > 0);
        Assert.True(json.GetProperty("paired_difference").GetProperty("auc").GetProperty("per_fold").EnumerateArray().All(d => d.GetDouble() > 0));
        Assert.True(json.Number("full", "auprc_mean") > json.Number("attributes_only", "auprc_mean"));

        // The file corners were seen: both files' types, direction, merged duplicates, dropped self-loops.
        Assert.True(json.GetProperty("directed").GetBoolean());
        Assert.Equal(["family", "ownership", "trade"], json.GetProperty("relation_types").EnumerateArray().Select(t => t.GetString()!).Order());
        Assert.True(json.GetProperty("duplicate_edges_merged").GetInt32() > 0);
        Assert.True(json.GetProperty("self_loops_dropped").GetInt32() > 0);
        Assert.Contains(json.GetProperty("feature_importance").EnumerateArray(),
            f => f.GetProperty("feature").GetString() == "risky_share:trade_out");
    }
}
