namespace RiskGraph.Model.Scoring;

/// <summary>One ML.NET input row: a fixed-length feature vector and, for training, its label.</summary>
public sealed class FeatureVectorRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}
