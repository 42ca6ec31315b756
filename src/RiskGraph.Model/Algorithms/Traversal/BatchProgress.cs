using RiskGraph.Model.Algorithms.Common;

namespace RiskGraph.Model.Algorithms.Traversal;

/// <summary>Reports the share of <see cref="NodeBatches"/> batches finished; safe to call from worker threads.</summary>
internal sealed class BatchProgress(int nodeCount, IProgress<double>? progress)
{
    private readonly int _batches = Math.Max(1, (nodeCount + NodeBatches.BatchSize - 1) / NodeBatches.BatchSize);
    private int _done;

    public void BatchDone()
    {
        if (progress is null) return;
        progress.Report((double)Interlocked.Increment(ref _done) / _batches);
    }
}
