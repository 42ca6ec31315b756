namespace RiskGraph.Training.Tests.Evaluation;

/// <summary>Every class of bad input fails with exit code 1 and exactly <c>error: FILE:LINE:COLUMN: reason</c> on stderr.</summary>
public class BadInputFileTests
{
    private const string GoodNodes = "id,label,age\na,1,3\nb,0,4\nc,,5\n";
    private const string GoodEdges = "src,dst\na,b\nb,c\n";

    [Theory]
    [InlineData("name,label,age\na,1,3\n", GoodEdges, "nodes", 1, 1, "missing required column 'id'")]
    [InlineData("id,age\na,3\n", GoodEdges, "nodes", 1, 1, "missing required column 'label'")]
    [InlineData("id,label,age\na,1,3\nb,0,old\n", GoodEdges, "nodes", 3, 3, "attribute 'age' is not a number: 'old'")]
    [InlineData("id,label,age\na,1,3\nb,yes,4\n", GoodEdges, "nodes", 3, 2, "label must be 0, 1 or empty, found 'yes'")]
    [InlineData("id,label,age\na,1,3\nb,2,4\n", GoodEdges, "nodes", 3, 2, "label must be 0, 1 or empty, found '2'")]
    [InlineData(GoodNodes, "src,dst\na,b\nb,zz\n", "edges", 3, 2, "edge to unknown node id 'zz'")]
    [InlineData(GoodNodes, "src,dst\nqq,b\n", "edges", 2, 1, "edge to unknown node id 'qq'")]
    [InlineData("id,label,age\na,1,3\nb,0,4\n\na,0,5\n", GoodEdges, "nodes", 5, 1, "duplicate node id 'a' (first on line 2)")]
    [InlineData("id,label,age\na,1,3\nb,0\n", GoodEdges, "nodes", 3, 3, "expected 3 fields as in the header, found 2")]
    [InlineData("id,label,age\na,1,3,9\n", GoodEdges, "nodes", 2, 4, "expected 3 fields as in the header, found 4")]
    [InlineData(GoodNodes, "src,dst,weight\na,b,1\nb,c\n", "edges", 3, 3, "expected 3 fields as in the header, found 2")]
    [InlineData(GoodNodes, "src,target\na,b\n", "edges", 1, 1, "missing required column 'dst'")]
    [InlineData(GoodNodes, "src,dst,weight\na,b,heavy\n", "edges", 2, 3, "weight must be a non-negative number, found 'heavy'")]
    public void ABadFile_FailsWithItsFileLineAndColumn(string nodes, string edges, string culprit, int line, int column, string reason)
    {
        string folder = TempFolder.Create("bad-input");
        try
        {
            string nodesPath = Path.Combine(folder, "nodes.csv"), edgesPath = Path.Combine(folder, "edges_link.csv");
            File.WriteAllText(nodesPath, nodes);
            File.WriteAllText(edgesPath, edges);

            var outcome = VerbRunner.Run("evaluate", "--nodes", nodesPath, "--edges", edgesPath, "--folds", "2", "--seed", "1");

            string file = culprit == "nodes" ? nodesPath : edgesPath;
            Assert.Equal(1, outcome.ExitCode);
            Assert.Equal($"error: {file}:{line}:{column}: {reason}{Environment.NewLine}", outcome.Error);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [Fact]
    public void TheSecondEdgesFile_IsNamedInTheError()
    {
        string folder = TempFolder.Create("bad-input");
        try
        {
            string nodesPath = Path.Combine(folder, "nodes.csv");
            string first = Path.Combine(folder, "edges_a.csv"), second = Path.Combine(folder, "edges_b.csv");
            File.WriteAllText(nodesPath, GoodNodes);
            File.WriteAllText(first, GoodEdges);
            File.WriteAllText(second, "src,dst,type\nc,a,x\nc,\"missing\",y\n");

            var outcome = VerbRunner.Run("evaluate", "--nodes", nodesPath, "--edges", first, "--edges", second);

            Assert.Equal(1, outcome.ExitCode);
            Assert.Equal($"error: {second}:3:2: edge to unknown node id 'missing'{Environment.NewLine}", outcome.Error);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [Fact]
    public void TooFewRiskyNodesForTheFolds_IsAnErrorNotACrash()
    {
        string folder = TempFolder.Create("bad-input");
        try
        {
            string nodesPath = Path.Combine(folder, "nodes.csv"), edgesPath = Path.Combine(folder, "edges_link.csv");
            File.WriteAllText(nodesPath, GoodNodes);
            File.WriteAllText(edgesPath, GoodEdges);

            var outcome = VerbRunner.Run("evaluate", "--nodes", nodesPath, "--edges", edgesPath, "--folds", "5");

            Assert.Equal(1, outcome.ExitCode);
            Assert.StartsWith("error: 5 folds need at least 5 risky and 5 non-risky labelled nodes", outcome.Error);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
