using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using RiskGraph.Model.Features;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// A trained boosted-tree warning model (ML.NET FastTree or LightGBM, both Platt-calibrated) with the feature schema
/// it was trained on. Both keep their trees in ML.NET's regression-tree ensemble, which is all the reasons need.
/// </summary>
public sealed class WarningModel
{
    public const string ModelFileName = "model.zip";
    private readonly MLContext _ml;
    private readonly EnsembleScorer _scorer;

    public WarningModel(MLContext ml, BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> transformer, FeatureSchema schema)
        : this(ml, transformer, transformer.Model.SubModel, transformer.Model.Calibrator, schema, "fasttree")
    {
    }

    public WarningModel(MLContext ml, BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> transformer, FeatureSchema schema)
        : this(ml, transformer, transformer.Model.SubModel, transformer.Model.Calibrator, schema, "lightgbm")
    {
    }

    private WarningModel(MLContext ml, ITransformer transformer, TreeEnsembleModelParametersBasedOnRegressionTree trees, PlattCalibrator calibrator, FeatureSchema schema, string trainer)
    {
        _ml = ml;
        Transformer = transformer;
        Trees = trees;
        Calibrator = calibrator;
        Schema = schema;
        Trainer = trainer;
        _scorer = new EnsembleScorer(trees);
    }

    public ITransformer Transformer { get; }

    public FeatureSchema Schema { get; }

    /// <summary><c>fasttree</c> or <c>lightgbm</c>.</summary>
    public string Trainer { get; }

    public TreeEnsembleModelParametersBasedOnRegressionTree Trees { get; }

    /// <summary>The trainer's own Platt calibrator (fitted on the training rows).</summary>
    public PlattCalibrator Calibrator { get; }

    /// <summary>The same trees with another calibration.</summary>
    public WarningModel WithCalibration(ScoreCalibration calibration) =>
        new(_ml, Transformer, Trees, Calibrator, Schema, Trainer) { Calibration = calibration };

    /// <summary>Held-out calibration of the raw score; when null, ML.NET's own calibrated probability is used.</summary>
    public ScoreCalibration? Calibration { get; init; }

    /// <summary>
    /// The Platt map from raw margin to served probability, p = 1 / (1 + exp(slope · raw + offset)): the held-out
    /// calibration when present, else ML.NET's own. Its log-odds, -(slope · raw + offset), is the scale reasons use:
    /// FastTree's raw margin is not in log-odds (see the README's Reasons section), so it reads many times too large.
    /// </summary>
    public (double Slope, double Offset) Platt =>
        Calibration is { } calibration ? (calibration.Slope, calibration.Offset) : (Calibrator.Slope, Calibrator.Offset);

    /// <summary>Loads model.zip and feature-schema.json from a version folder.</summary>
    public static WarningModel Load(string folder, int seed = 1)
    {
        var ml = new MLContext(seed);
        var loaded = ml.Model.Load(Path.Combine(folder, ModelFileName), out _);
        var schema = FeatureSchema.Load(Path.Combine(folder, FeatureSchema.FileName));
        // Saved without a wrapping chain, the transformer reloads with its concrete tree type, which the reasons need.
        var model = loaded switch
        {
            BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> fastTree => new WarningModel(ml, fastTree, schema),
            BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> lightGbm => new WarningModel(ml, lightGbm, schema),
            _ => throw new InvalidDataException($"{folder}/{ModelFileName} is not a calibrated FastTree or LightGBM binary model ({loaded.GetType().Name})."),
        };
        var calibration = ScoreCalibration.Load(folder);
        return calibration is null ? model : model.WithCalibration(calibration);
    }

    public void Save(string folder, DataViewSchema inputSchema)
    {
        Directory.CreateDirectory(folder);
        _ml.Model.Save(Transformer, inputSchema, Path.Combine(folder, ModelFileName));
        Schema.Save(Path.Combine(folder, FeatureSchema.FileName));
        Calibration?.Save(folder);
    }

    /// <summary>
    /// Scores the given rows in one batch: raw margins and calibrated probabilities (held-out calibration when present,
    /// else the trainer's Platt calibrator) — the same numbers ML.NET's transformer gives, without its per-call set-up.
    /// </summary>
    public (float[] Raw, float[] Probability) Score(FeatureMatrix matrix, IReadOnlyList<int> rows)
    {
        float[] raw = _scorer.Margins(matrix, rows, Schema.Count);
        float[] probability = Calibration is { } calibration
            ? Array.ConvertAll(raw, r => (float)calibration.Probability(r))
            : Array.ConvertAll(raw, Calibrator.PredictProbability);
        return (raw, probability);
    }
}
