using System.Text.Json;
using RiskGraph.Training.Evaluation.Generic;

namespace RiskGraph.Training.Tests.Evaluation;

public class ReportWriterTests
{
    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Report_WritesTheFourPlotsAsPngs_AndTheMetricsJson()
    {
        using var graph = PlantedRiskGraph.Create(blocks: 16, blockSize: 40);
        string report = Path.Combine(graph.Folder, "report");
        var outcome = VerbRunner.Run("evaluate", "--nodes", graph.Nodes, "--edges", graph.Edges[0], "--edges", graph.Edges[1],
            "--folds", "5", "--seed", "1", "--trees", "30", "--report", report);
        Assert.True(outcome.ExitCode == 0, outcome.Error);

        string[] plots =
        [
            EvaluationReportWriter.RocFile, EvaluationReportWriter.PrecisionRecallFile,
            EvaluationReportWriter.ImportanceFile, EvaluationReportWriter.ReliabilityFile,
        ];
        foreach (string plot in plots)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(report, plot));
            Assert.True(bytes.Length > 1000, $"{plot} is only {bytes.Length} bytes");
            Assert.Equal(PngMagic, bytes[..PngMagic.Length]);
        }
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, EvaluationReportWriter.MetricsFile))).RootElement;
        Assert.InRange(metrics.Number("full", "auc_mean"), 0, 1);
    }
}
