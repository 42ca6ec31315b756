using RiskGraph.Model.Features;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Feature matrices for cross-validation folds. The label-free block is computed once; the label-derived block is
/// recomputed for each fold from a copy of the labels in which the fold's test rows are unknown. That masking is
/// the only way labels reach features, so a test fold's labels cannot influence any feature of that fold.
/// </summary>
public sealed class FoldFeatureBuilder
{
    private readonly GenericGraph _graph;
    private readonly float[] _labelFree;

    public FoldFeatureBuilder(GenericDataset data)
    {
        _graph = data.Graph;
        Layout = new GenericFeatureLayout(data.Nodes, data.Graph);
        _labelFree = StructuralFeatures.Compute(data.Nodes, data.Graph, Layout);
    }

    public GenericFeatureLayout Layout { get; }

    /// <param name="labels">All known labels (1, 0, -1 unknown), one per node.</param>
    /// <param name="testRows">The fold's test rows: their labels are hidden before anything is computed.</param>
    public FeatureMatrix ForFold(sbyte[] labels, IReadOnlyList<int> testRows)
    {
        sbyte[] visible = HideLabels(labels, testRows);
        var values = (float[])_labelFree.Clone();
        LabelFeatures.Write(_graph, Layout, visible, values);
        return new FeatureMatrix(Layout.Schema, _graph.NodeCount, values);
    }

    /// <summary>A copy of the labels with the given rows set to unknown.</summary>
    public static sbyte[] HideLabels(sbyte[] labels, IReadOnlyList<int> hidden)
    {
        var visible = (sbyte[])labels.Clone();
        foreach (int row in hidden) visible[row] = -1;
        return visible;
    }
}
