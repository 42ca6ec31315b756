namespace RiskGraph.Training.Tests.Evaluation;

public class DeterminismTests
{
    [Fact]
    public void TheSameSeed_GivesTheSameJson_AndAnotherSeedGivesOtherFolds()
    {
        using var graph = PlantedRiskGraph.Create(blocks: 16, blockSize: 40);
        string first = Path.Combine(graph.Folder, "first.json"), second = Path.Combine(graph.Folder, "second.json");
        VerbRunner.Evaluate(graph.Nodes, graph.Edges, first, trees: 30);
        VerbRunner.Evaluate(graph.Nodes, graph.Edges, second, trees: 30);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));

        string other = Path.Combine(graph.Folder, "other.json");
        var outcome = VerbRunner.Run("evaluate", "--nodes", graph.Nodes, "--edges", graph.Edges[0], "--edges", graph.Edges[1],
            "--folds", "5", "--seed", "2", "--trees", "30", "--budget", "2", "--json", other);
        Assert.Equal(0, outcome.ExitCode);
        Assert.NotEqual(File.ReadAllText(first), File.ReadAllText(other));
    }
}
