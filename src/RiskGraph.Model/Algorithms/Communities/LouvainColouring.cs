
namespace RiskGraph.Model.Algorithms.Communities;

/// <summary>
/// A greedy colouring of one Louvain level, nodes grouped by colour. No two neighbours share a colour, so all
/// nodes of one colour can choose their best community at the same time, each seeing exactly the communities
/// of its neighbours (none of which moves meanwhile): the parallel local moves of Lu, Halappanavar and
/// Kalyanaraman ("Parallel heuristics for scalable community detection", 2015), which keep serial quality.
/// Greedy in node order with the smallest free colour, so the colouring depends only on the graph, never on
/// the thread count. Members of a colour stay in node order.
/// </summary>
internal sealed class LouvainColouring
{
    private LouvainColouring(int[] classOffsets, int[] members)
    {
        ClassOffsets = classOffsets;
        Members = members;
    }

    /// <summary>Colour c's nodes are Members[ClassOffsets[c] .. ClassOffsets[c + 1]).</summary>
    public int[] ClassOffsets { get; }

    public int[] Members { get; }

    public int ClassCount => ClassOffsets.Length - 1;

    public static LouvainColouring Greedy(LouvainLevelGraph graph)
    {
        int n = graph.NodeCount;
        int[] offsets = graph.Offsets, targets = graph.Targets;
        var colour = new int[n];
        // taken[c] == v: colour c is used by a neighbour of v already coloured. Grows with the largest colour,
        // which is at most the largest degree + 1 and in practice a few dozen.
        var taken = new int[64];
        Array.Fill(taken, -1);
        int classes = 0;
        for (int v = 0; v < n; v++)
        {
            for (int e = offsets[v], end = offsets[v + 1]; e < end; e++)
            {
                int u = targets[e];
                if (u < v) taken[colour[u]] = v;
            }
            int c = 0;
            while (c < classes && taken[c] == v) c++;
            colour[v] = c;
            if (c == classes)
            {
                classes++;
                if (classes == taken.Length)
                {
                    int old = taken.Length;
                    Array.Resize(ref taken, old * 2);
                    Array.Fill(taken, -1, old, old);
                }
            }
        }

        var classOffsets = new int[classes + 1];
        foreach (int c in colour) classOffsets[c + 1]++;
        for (int c = 0; c < classes; c++) classOffsets[c + 1] += classOffsets[c];
        var cursor = classOffsets[..classes];
        var members = new int[n];
        for (int v = 0; v < n; v++) members[cursor[colour[v]]++] = v;
        return new LouvainColouring(classOffsets, members);
    }
}
