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
        GraphSnapshot snapshot, GraphAnalytics analytics, FeatureMatrix features, WarningModel model, string version, float[] probability,
        TreePathAttribution attribution)
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

    /// <summary>Calibrated probability per enterprise id.</summary>
    public float[] Probability { get; }

    public TreePathAttribution Attribution { get; }

    public static ScoredGraph Build(GraphSnapshot snapshot, WarningModel model, string version, GraphAnalytics? analytics = null)
    {
        analytics ??= GraphAnalytics.Compute(snapshot);
        var features = new FeatureExtractor(snapshot, new FeatureExtractorParameters(), default, analytics).Compute();
        if (!model.Schema.SameLayoutAs(features.Schema))
            throw new InvalidOperationException(
                $"Model {version} was trained on feature schema {model.Schema.Version}, this code computes {features.Schema.Version}: retrain.");
        var (_, probability) = model.Score(features, ModelDataViews.AllRows(features));
        var attribution = new TreePathAttribution(model.Trees, features, features.Columns);
        return new ScoredGraph(snapshot, analytics, features, model, version, probability, attribution);
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
        var probability = (float[])Probability.Clone();
        if (rows.Length > 0)
        {
            var (_, rescored) = Model.Score(features, rows);
            for (int i = 0; i < rows.Length; i++) probability[rows[i]] = rescored[i];
        }
        return new ScoredGraph(patched, Analytics, features, Model, ModelVersion, probability, Attribution);
    }

    /// <summary>The warning for one enterprise id with its top reasons (features that pushed the score up).</summary>
    public Warning WarningFor(int enterprise, int topReasons = 5)
    {
        var contributions = new double[Features.Columns];
        double raw = Attribution.Explain(Features.Row(enterprise), contributions);
        var reasons = new List<WarningReason>();
        var names = Features.Schema.Names;
        var descriptions = Features.Schema.Descriptions;
        foreach (int slot in Enumerable.Range(0, contributions.Length).Where(i => contributions[i] > 0)
                     .OrderByDescending(i => contributions[i]).ThenBy(i => i).Take(topReasons))
        {
            reasons.Add(new WarningReason(names[slot], descriptions[slot], Math.Round(Features[enterprise, slot], 6), Math.Round(contributions[slot], 6)));
        }
        double probability = Probability[enterprise];
        return new Warning(Snapshot.Ids.KeyOf(enterprise), probability, WarningLevels.LevelOf(probability), raw, Attribution.Bias, reasons, ModelVersion, Snapshot.AsOf);
    }
}

/// <param name="RawScore">The model's margin (log-odds scale) that the contributions add up to, with the bias.</param>
public sealed record Warning(
    string Uscc, double Score, string Level, double RawScore, double Bias, IReadOnlyList<WarningReason> Reasons, string ModelVersion, DateOnly AsOf);

/// <param name="Contribution">How much this feature moved the raw score up from the bias.</param>
public sealed record WarningReason(string Feature, string Description, double Value, double Contribution);
