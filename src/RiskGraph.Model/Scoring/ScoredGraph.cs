using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// Everything needed to answer warning requests, computed once per snapshot and model: features and calibrated
/// scores of every enterprise (scored in one ML.NET batch), plus the reason attribution. Immutable, so requests
/// read it from any thread without locks and a reload swaps the whole object.
/// </summary>
public sealed class ScoredGraph
{
    private ScoredGraph(
        GraphSnapshot snapshot, GraphAnalytics analytics, FeatureMatrix features, WarningModel model, string version, ChunkedArray<float> probability,
        TreeShap attribution)
    {
        Snapshot = snapshot;
        Analytics = analytics;
        Features = features;
        Model = model;
        ModelVersion = version;
        Probability = probability;
        Attribution = attribution;
    }

    public GraphSnapshot Snapshot { get; }

    public GraphAnalytics Analytics { get; }

    public FeatureMatrix Features { get; }

    public WarningModel Model { get; }

    public string ModelVersion { get; }

    /// <summary>Calibrated probability per enterprise id (chunked, so that a change in place copies only its chunks).</summary>
    public ChunkedArray<float> Probability { get; }

    /// <summary>Exact Shapley values of the raw margin, background = this snapshot's enterprises.</summary>
    public TreeShap Attribution { get; }

    public static ScoredGraph Build(GraphSnapshot snapshot, WarningModel model, string version, GraphAnalytics? analytics = null)
    {
        analytics ??= GraphAnalytics.Compute(snapshot);
        var features = new FeatureExtractor(snapshot, new FeatureExtractorParameters(), default, analytics).Compute();
        if (!model.Schema.SameLayoutAs(features.Schema))
            throw new InvalidOperationException(
                $"Model {version} was trained on feature schema {model.Schema.Version}, this code computes {features.Schema.Version}: retrain.");
        var (_, probability) = model.Score(features, ModelDataViews.AllRows(features));
        var attribution = new TreeShap(model.Trees, features, features.Columns);
        return new ScoredGraph(snapshot, analytics, features, model, version, ChunkedArray<float>.From(probability), attribution);
    }

    /// <summary>
    /// This scored graph on <paramref name="patched"/>, a later state of the same graph whose credit records changed:
    /// the feature rows of <paramref name="rows"/> (the touched enterprises and every enterprise whose neighbourhood
    /// reads them) are computed again and rescored; the whole-graph analytics and the reason baseline stay those of
    /// this graph until the next background refresh.
    /// </summary>
    public ScoredGraph WithChangedRows(GraphSnapshot patched, int[] rows)
    {
        var features = new FeatureExtractor(patched, new FeatureExtractorParameters(), default, Analytics).Recompute(Features, rows);
        var probability = Probability;
        if (rows.Length > 0)
        {
            var (_, rescored) = Model.Score(features, rows);
            int next = 0;
            // Rows are ascending, so the i-th value asked for belongs to rows[i].
            probability = Probability.With(rows, _ => rescored[next++]);
        }
        return new ScoredGraph(patched, Analytics, features, Model, ModelVersion, probability, Attribution);
    }

    /// <summary>
    /// The warning for one enterprise id with its reasons: up to <paramref name="topReasons"/> features that raise the
    /// risk most, then up to as many that lower it most. Contributions, bias and raw score are on the served score's
    /// log-odds scale, so bias + Σ contributions (over all features) = ln(score / (1 − score)).
    /// </summary>
    public Warning WarningFor(int enterprise, int topReasons = 5)
    {
        var contributions = new double[Features.Columns];
        double margin = Attribution.Explain(Features.Row(enterprise), contributions);
        var (slope, offset) = Model.Platt;
        // logit(p) = -(slope · margin + offset): a linear map, so the Shapley values scale with it and stay exact.
        for (int i = 0; i < contributions.Length; i++) contributions[i] *= -slope;
        double bias = -(slope * Attribution.Bias + offset);
        double raw = -(slope * margin + offset);
        var reasons = ReasonSelection.Select(Features.Schema, Features.Row(enterprise), contributions, topReasons);
        double probability = Probability[enterprise];
        return new Warning(Snapshot.Ids.KeyOf(enterprise), probability, WarningLevels.LevelOf(probability), raw, bias, reasons, ModelVersion, Snapshot.AsOf);
    }
}

/// <param name="RawScore">The served score's log-odds, ln(score / (1 − score)): bias plus every feature's contribution.</param>
/// <param name="Bias">The log-odds of an average enterprise of the snapshot, where the contributions start from.</param>
public sealed record Warning(
    string Uscc, double Score, string Level, double RawScore, double Bias, IReadOnlyList<WarningReason> Reasons, string ModelVersion, DateOnly AsOf);

/// <param name="Contribution">Its Shapley value: how far it moved the log-odds from the bias (negative: lowered it).</param>
/// <param name="Direction"><c>raises</c> or <c>lowers</c>: the sign of the contribution in words.</param>
public sealed record WarningReason(string Feature, string Description, double Value, double Contribution, string Direction);
