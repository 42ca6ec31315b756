using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using RiskGraph.Model.Features;

namespace RiskGraph.Model.Scoring;

/// <summary>A trained FastTree warning model with the feature schema it was trained on.</summary>
public sealed class WarningModel
{
    public const string ModelFileName = "model.zip";
    private readonly MLContext _ml;

    public WarningModel(MLContext ml, BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> transformer, FeatureSchema schema)
    {
        _ml = ml;
        Transformer = transformer;
        Schema = schema;
    }

    public BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> Transformer { get; }

    public FeatureSchema Schema { get; }

    public FastTreeBinaryModelParameters Trees => Transformer.Model.SubModel;

    /// <summary>Held-out calibration of the raw score; when null, ML.NET's own calibrated probability is used.</summary>
    public ScoreCalibration? Calibration { get; init; }

    /// <summary>
    /// The Platt map from raw margin to served probability, p = 1 / (1 + exp(slope · raw + offset)): the held-out
    /// calibration when present, else ML.NET's own. Its log-odds, -(slope · raw + offset), is the scale reasons use:
    /// FastTree's raw margin is not in log-odds (see the README's Reasons section), so it reads many times too large.
    /// </summary>
    public (double Slope, double Offset) Platt =>
        Calibration is { } calibration ? (calibration.Slope, calibration.Offset) : (Transformer.Model.Calibrator.Slope, Transformer.Model.Calibrator.Offset);

    /// <summary>Loads model.zip and feature-schema.json from a version folder.</summary>
    public static WarningModel Load(string folder, int seed = 1)
    {
        var ml = new MLContext(seed);
        var loaded = ml.Model.Load(Path.Combine(folder, ModelFileName), out _);
        // Saved without a wrapping chain, the transformer reloads with its concrete FastTree type,
        // which the tree attribution needs.
        var transformer = loaded as BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>>
            ?? throw new InvalidDataException($"{folder}/{ModelFileName} is not a calibrated FastTree binary model ({loaded.GetType().Name}).");
        return new WarningModel(ml, transformer, FeatureSchema.Load(Path.Combine(folder, FeatureSchema.FileName)))
        {
            Calibration = ScoreCalibration.Load(folder),
        };
    }

    public void Save(string folder, DataViewSchema inputSchema)
    {
        Directory.CreateDirectory(folder);
        _ml.Model.Save(Transformer, inputSchema, Path.Combine(folder, ModelFileName));
        Schema.Save(Path.Combine(folder, FeatureSchema.FileName));
        Calibration?.Save(folder);
    }

    /// <summary>Scores the given rows in one batch: raw margins and calibrated probabilities (held-out calibration when present).</summary>
    public (float[] Raw, float[] Probability) Score(FeatureMatrix matrix, IReadOnlyList<int> rows)
    {
        var view = ModelDataViews.Create(_ml, matrix, rows, Schema.Count);
        var scored = Transformer.Transform(view);
        float[] raw = scored.GetColumn<float>("Score").ToArray();
        float[] probability = Calibration is { } calibration
            ? Array.ConvertAll(raw, r => (float)calibration.Probability(r))
            : scored.GetColumn<float>("Probability").ToArray();
        return (raw, probability);
    }
}
