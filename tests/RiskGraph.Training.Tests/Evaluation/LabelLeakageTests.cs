using System.Runtime.InteropServices;
using RiskGraph.Model.Features;
using RiskGraph.Training.Evaluation.Generic;

namespace RiskGraph.Training.Tests.Evaluation;

/// <summary>No information from a test fold's labels may reach that fold's features.</summary>
public class LabelLeakageTests
{
    [Fact]
    public void ShufflingATestFoldsLabels_LeavesEveryFeatureOfThatFoldBitForBitUnchanged()
    {
        using var graph = PlantedRiskGraph.Create();
        var data = GenericDataset.Load(graph.Nodes, graph.Edges, directed: true);
        var builder = new FoldFeatureBuilder(data);
        sbyte[] labels = data.Nodes.Labels;
        var folds = StratifiedFolds.Create(labels, 5, seed: 1);
        var random = new Random(3);
        for (int f = 0; f < folds.Count; f++)
        {
            int[] test = folds.TestRows[f];
            var shuffled = (sbyte[])labels.Clone();
            sbyte[] testLabels = test.Select(r => labels[r]).ToArray();
            random.Shuffle(testLabels);
            for (int i = 0; i < test.Length; i++) shuffled[test[i]] = testLabels[i];
            Assert.False(shuffled.SequenceEqual(labels), "the shuffle must actually move some labels");

            var original = builder.ForFold(labels, test);
            var permuted = builder.ForFold(shuffled, test);
            Assert.True(Bits(original).SequenceEqual(Bits(permuted)), $"fold {f + 1}: features changed with the test fold's labels");

            // Even flipping every test label changes nothing.
            var flipped = (sbyte[])labels.Clone();
            foreach (int r in test) flipped[r] = (sbyte)(1 - labels[r]);
            Assert.True(Bits(original).SequenceEqual(Bits(builder.ForFold(flipped, test))), $"fold {f + 1}: flipped test labels leaked");
        }
    }

    [Fact]
    public void TrainingLabels_DoReachNeighboursFeatures_ButNeverTheNodesOwnRow()
    {
        // The control for the test above: label features are live, so "unchanged" is not vacuous.
        using var graph = PlantedRiskGraph.Create();
        var data = GenericDataset.Load(graph.Nodes, graph.Edges, directed: true);
        var builder = new FoldFeatureBuilder(data);
        sbyte[] labels = data.Nodes.Labels;
        var folds = StratifiedFolds.Create(labels, 5, seed: 1);
        int[] test = folds.TestRows[0];
        int node = folds.TrainRows[0].First(v => data.Graph.Degree(v) > 0);
        var changed = (sbyte[])labels.Clone();
        changed[node] = (sbyte)(1 - labels[node]);

        var before = builder.ForFold(labels, test);
        var after = builder.ForFold(changed, test);
        Assert.False(Bits(before).SequenceEqual(Bits(after)), "a training label must reach its neighbours' features");
        Assert.True(before.Row(node).SequenceEqual(after.Row(node)), "a node's own label must not reach its own features");
    }

    private static int[] Bits(FeatureMatrix matrix) => MemoryMarshal.Cast<float, int>(matrix.Values.AsSpan()).ToArray();
}
