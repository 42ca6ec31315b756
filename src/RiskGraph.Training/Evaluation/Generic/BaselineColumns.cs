using RiskGraph.Model.Features;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// The columns of the plain baseline of issue #12: own attributes, degrees (per relation type and in total) and the
/// 1-hop neighbour mean of every attribute, copied out of the full generic matrix.
/// </summary>
public sealed class BaselineColumns
{
    private readonly int[] _columns;

    public BaselineColumns(GenericFeatureLayout layout, int attributes, int channels)
    {
        var columns = new List<int>();
        for (int c = 0; c < layout.AttributeCount; c++) columns.Add(c);
        for (int channel = 0; channel < channels; channel++) columns.Add(layout.ChannelDegree(channel));
        columns.Add(layout.DegreeTotal);
        for (int a = 0; a < attributes; a++) columns.Add(layout.NeighbourMean(a));
        _columns = columns.ToArray();
        var full = layout.Schema;
        Schema = new FeatureSchema(full.Version + "-baseline", Array.ConvertAll(_columns, c => full.Names[c]), layout.AttributeCount,
            Array.ConvertAll(_columns, c => full.Descriptions[c]));
    }

    public FeatureSchema Schema { get; }

    public FeatureMatrix Select(FeatureMatrix full)
    {
        int width = _columns.Length;
        var values = new float[full.Rows * width];
        for (int row = 0; row < full.Rows; row++)
        {
            var source = full.Row(row);
            for (int c = 0; c < width; c++) values[row * width + c] = source[_columns[c]];
        }
        return new FeatureMatrix(Schema, full.Rows, values);
    }
}
