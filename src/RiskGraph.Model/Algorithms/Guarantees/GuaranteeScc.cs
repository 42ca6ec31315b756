using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Guarantees;

/// <summary>
/// Strongly connected components of the guarantee graph (enterprise → enterprise it guarantees), by Tarjan's
/// algorithm with an explicit call stack, so a guarantee chain of a million links cannot overflow the thread's
/// stack. Only components of two or more enterprises are numbered: those are the guarantee circles (担保圈), where
/// every member is, through some chain, a guarantor of every other.
/// </summary>
internal static class GuaranteeScc
{
    private static readonly byte GuaranteesOut = EdgeKind.Outgoing(RelationType.Guarantees);

    /// <returns>The circle of each enterprise (-1 when in none) and the number of circles; circles are numbered by their smallest member.</returns>
    public static (int[] CircleOf, int Circles) Compute(CsrGraph graph, int enterprises, CancellationToken cancellationToken)
    {
        int[] offsets = graph.Offsets, targets = graph.Targets;
        byte[] kinds = graph.Kinds;
        var index = new int[enterprises];   // discovery number + 1; 0 = not yet discovered
        var low = new int[enterprises];
        var component = new int[enterprises];
        var onStack = new bool[enterprises];
        var stack = new int[enterprises];
        var callNode = new int[enterprises];
        var callEdge = new int[enterprises];
        int stackTop = 0, counter = 0, components = 0;
        Array.Fill(component, -1);

        for (int root = 0; root < enterprises; root++)
        {
            if (index[root] != 0) continue;
            if ((root & 0x3FFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = offsets[root];
            index[root] = low[root] = ++counter;
            stack[stackTop++] = root;
            onStack[root] = true;
            while (depth >= 0)
            {
                int v = callNode[depth];
                int e = callEdge[depth];
                int end = offsets[v + 1];
                bool descended = false;
                for (; e < end; e++)
                {
                    int w = targets[e];
                    if (kinds[e] != GuaranteesOut || w >= enterprises || w == v) continue;
                    if (index[w] == 0)
                    {
                        callEdge[depth] = e + 1;
                        index[w] = low[w] = ++counter;
                        stack[stackTop++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = offsets[w];
                        descended = true;
                        break;
                    }
                    if (onStack[w] && index[w] < low[v]) low[v] = index[w];
                }
                if (descended) continue;
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack[--stackTop];
                        onStack[w] = false;
                        component[w] = components;
                    }
                    while (w != v);
                    components++;
                }
                depth--;
                if (depth >= 0 && low[v] < low[callNode[depth]]) low[callNode[depth]] = low[v];
            }
        }
        return Number(component, components, enterprises);
    }

    /// <summary>Keeps components of two or more, numbered in the order of their smallest member (stable across runs and stores).</summary>
    private static (int[] CircleOf, int Circles) Number(int[] component, int components, int enterprises)
    {
        var size = new int[components];
        for (int v = 0; v < enterprises; v++) size[component[v]]++;
        var number = new int[components];
        Array.Fill(number, -1);
        int circles = 0;
        var circleOf = new int[enterprises];
        for (int v = 0; v < enterprises; v++)
        {
            int c = component[v];
            if (size[c] < 2)
            {
                circleOf[v] = -1;
                continue;
            }
            if (number[c] < 0) number[c] = circles++;
            circleOf[v] = number[c];
        }
        return (circleOf, circles);
    }
}
