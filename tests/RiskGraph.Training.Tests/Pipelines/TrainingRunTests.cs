using System.Text.Json;
using RiskGraph.Model.Scoring;
using RiskGraph.Training.Pipelines;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Training.Tests.Pipelines;

public class TrainingRunTests
{
    [Fact]
    public async Task SameSeed_GivesTheSameDataAndMetrics()
    {
        using var first = await TrainedHome.CreateAsync();
        using var second = await TrainedHome.CreateAsync();

        // The report holds every metric to full precision and the fingerprint of the features and labels.
        Assert.Equal(JsonSerializer.Serialize(first.Outcome.Report), JsonSerializer.Serialize(second.Outcome.Report));
        Assert.Equal(first.Outcome.Report.DataFingerprint, second.Outcome.Report.DataFingerprint);
    }

    [Fact]
    public async Task TrainingRegistersAnActiveVersion_WithMetricsForBothModels()
    {
        using var trained = await TrainedHome.CreateAsync();
        var registry = new ModelRegistry(trained.Home);
        var report = registry.ReadReport("v001");

        Assert.Equal("v001", registry.ActiveVersion());
        Assert.InRange(report.WithGraphFeatures.Auc, 0.5, 1.0);
        Assert.InRange(report.AttributesOnly.Auc, 0.0, 1.0);
        Assert.True(report.WithGraphFeatures.TestPositives > 0);
        Assert.Equal(report.WithGraphFeatures.TestRows, report.AttributesOnly.TestRows);
        Assert.Equal("v002", registry.NextVersion());
        // The served model reloads from disk and keeps its schema.
        var model = WarningModel.Load(registry.FolderOf("v001"));
        Assert.True(model.Schema.SameLayoutAs(RiskGraph.Model.Features.FeatureSchema.Current));
    }

    [Fact]
    public void StratifiedSplit_KeepsTheRiskyShare_AndIsSeeded()
    {
        var labels = new LabelVector(Enumerable.Range(0, 1000).Select(i => (sbyte)(i % 10 == 0 ? 1 : i % 97 == 0 ? -1 : 0)).ToArray());
        var a = StratifiedSplit.Create(labels, 0.2, 3);
        var b = StratifiedSplit.Create(labels, 0.2, 3);
        var c = StratifiedSplit.Create(labels, 0.2, 4);

        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Train, b.Train);
        Assert.NotEqual(a.Test, c.Test);
        Assert.Equal(20, a.Test.Count(labels.IsRisky));
        Assert.Equal(80, a.Train.Count(labels.IsRisky));
        Assert.Empty(a.Train.Intersect(a.Test));
        Assert.DoesNotContain(a.Train.Concat(a.Test), i => labels.Values[i] == -1);
    }
}
