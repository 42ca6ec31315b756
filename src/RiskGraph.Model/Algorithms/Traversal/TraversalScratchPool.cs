using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Algorithms.Traversal;

/// <summary>
/// Scratch memory for traversals over one graph, shared by every algorithm object built on that graph. The pool
/// hangs off the graph through a weak table, so an API that creates a fresh algorithm object per request still
/// reuses the arrays, and they are collected together with the graph. A scratch holds a few arrays of node-count
/// length (tens of MB at three million nodes), so only as many are kept as the machine can use at once; extra
/// ones rented during a burst of requests are left to the garbage collector.
/// </summary>
internal sealed class TraversalScratchPool
{
    private static readonly ConditionalWeakTable<CsrGraph, TraversalScratchPool> Pools = new();

    private static readonly int MaxRetained = 2 * Environment.ProcessorCount;

    private readonly ConcurrentBag<TraversalScratch> _free = [];
    private readonly int _nodeCount;

    private TraversalScratchPool(int nodeCount) => _nodeCount = nodeCount;

    public static TraversalScratchPool For(CsrGraph graph) => Pools.GetValue(graph, g => new TraversalScratchPool(g.NodeCount));

    public TraversalScratch Rent() => _free.TryTake(out var scratch) ? scratch : new TraversalScratch(_nodeCount);

    public void Return(TraversalScratch scratch)
    {
        // The count is only advisory under contention; a scratch more or less in the bag is harmless.
        if (_free.Count < MaxRetained) _free.Add(scratch);
    }
}
