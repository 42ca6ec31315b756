using System.Diagnostics;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Training.Pipelines;

namespace RiskGraph.Training.Bench;

/// <summary>
/// Training time, batch scoring of every enterprise, and single-request warning latency (score, class and
/// reasons, no HTTP) on the bench graph.
/// </summary>
internal static class ScoringTimings
{
    private const int LatencySamples = 20_000;

    public static BenchReport Measure(GraphSnapshot snapshot, LabelVector labels, int seed, BenchReport report, StageMeter meter, IProgress<string>? log, out ScoredGraph scored)
    {
        // Features and analytics from one fused run, as a service refresh would do it.
        meter.Begin();
        var (features, analytics) = new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: report.Concurrency)).ComputeWithAnalytics();
        meter.End("features");
        var options = new WarningTrainerOptions(Seed: seed, Threads: Environment.ProcessorCount);
        var split = StratifiedSplit.Create(labels, options.TestFraction, seed);
        meter.Begin();
        var model = new WarningTrainer(options).TrainCalibrated(features, labels, split.Train, FeatureSchema.Current);
        double training = meter.End("training");
        log?.Report($"trained on {split.Train.Length:N0} enterprises in {training:F1} s");

        meter.Begin();
        model.Score(features, ModelDataViews.AllRows(features));
        double scoring = meter.End("batch_scoring");
        log?.Report($"scored all {features.Rows:N0} enterprises in {scoring:F1} s");

        meter.Begin();
        scored = ScoredGraph.Build(snapshot, model, "bench", analytics);
        var random = new Random(seed);
        var micros = new double[LatencySamples];
        for (int i = 0; i < 1_000; i++) scored.WarningFor(random.Next(snapshot.EnterpriseCount));
        for (int i = 0; i < micros.Length; i++)
        {
            int enterprise = random.Next(snapshot.EnterpriseCount);
            long start = Stopwatch.GetTimestamp();
            scored.WarningFor(enterprise);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(micros);
        var shap = new double[LatencySamples];
        var contributions = new double[features.Columns];
        for (int i = 0; i < shap.Length; i++)
        {
            int enterprise = random.Next(snapshot.EnterpriseCount);
            long start = Stopwatch.GetTimestamp();
            scored.Attribution.Explain(scored.Features.Row(enterprise), contributions);
            shap[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(shap);
        meter.End("serving");
        return report with
        {
            ShapP50Microseconds = shap[shap.Length / 2],
            ShapP99Microseconds = shap[(int)(shap.Length * 0.99)],
            TrainingSeconds = training,
            ScoringSeconds = scoring,
            WarningP50Microseconds = micros[micros.Length / 2],
            WarningP99Microseconds = micros[(int)(micros.Length * 0.99)],
        };
    }
}
