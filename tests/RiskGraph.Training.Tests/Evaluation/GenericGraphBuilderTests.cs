using RiskGraph.Training.Evaluation.Generic;

namespace RiskGraph.Training.Tests.Evaluation;

public class GenericGraphBuilderTests
{
    [Fact]
    public void Duplicates_AreMergedBySummingWeights_AndSelfLoopsDropped()
    {
        string folder = TempFolder.Create("graph");
        try
        {
            string nodes = Path.Combine(folder, "nodes.csv"), edges = Path.Combine(folder, "edges_supply.csv");
            File.WriteAllText(nodes, "id,label\na,1\nb,0\nc,\n");
            File.WriteAllText(edges, "src,dst,weight\na,b,2\nb,a,3\na,b,\nc,c,9\nb,c,1\n");

            var undirected = GenericDataset.Load(nodes, [edges], directed: false);
            Assert.Equal(["supply"], undirected.Graph.ChannelNames);
            Assert.Equal(2, undirected.Graph.EdgeCount); // a-b (three rows) and b-c
            Assert.Equal(2, undirected.Graph.DuplicatesMerged);
            Assert.Equal(1, undirected.SelfLoopsDropped);
            Assert.Equal(6f, SlotWeight(undirected.Graph, 0, 1)); // 2 + 3 + 1 (empty weight = 1)

            var directed = GenericDataset.Load(nodes, [edges], directed: true);
            Assert.Equal(["supply_out", "supply_in"], directed.Graph.ChannelNames);
            Assert.Equal(3, directed.Graph.EdgeCount); // a→b (two rows), b→a, b→c
            Assert.Equal(2, directed.Graph.Degree(1)); // simple view: b's neighbours are a and c
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private static float SlotWeight(GenericGraph graph, int from, int to)
    {
        for (int e = graph.TypedOffsets[from]; e < graph.TypedOffsets[from + 1]; e++)
        {
            if (graph.TypedTargets[e] == to) return graph.TypedWeights[e];
        }
        return float.NaN;
    }
}
