namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>A loaded and validated generic graph: its nodes, merged edges and what each edges file contributed.</summary>
public sealed record GenericDataset(NodeTable Nodes, GenericGraph Graph, IReadOnlyList<EdgeFileSummary> EdgeFiles)
{
    public int SelfLoopsDropped => EdgeFiles.Sum(f => f.SelfLoops);

    public static GenericDataset Load(string nodesPath, IReadOnlyList<string> edgePaths, bool directed)
    {
        if (edgePaths.Count == 0) throw new EvaluationInputException("at least one edges file is needed");
        foreach (string path in edgePaths.Prepend(nodesPath))
        {
            if (!File.Exists(path)) throw new EvaluationInputException($"{path}: no such file");
        }
        var nodes = NodeFileLoader.Load(nodesPath);
        var raw = new RawEdgeList();
        var summaries = edgePaths.Select(path => EdgeFileLoader.Load(path, nodes, raw)).ToArray();
        return new GenericDataset(nodes, GenericGraphBuilder.Build(nodes.Count, raw, directed), summaries);
    }
}
