
namespace RiskGraph.Model.Algorithms.Common;

/// <summary>
/// Runs a body over fixed-size batches of node ids on up to <c>concurrency</c> threads. Batches do not depend on
/// the thread count, so per-node results are the same on 1 and N threads; cancellation is checked per batch.
/// </summary>
public static class NodeBatches
{
    public const int BatchSize = 8_192;

    public static void Run(int nodeCount, int concurrency, CancellationToken cancellationToken, Action<int, int> body)
    {
        int batches = (nodeCount + BatchSize - 1) / BatchSize;
        if (batches == 0) return;
        if (concurrency <= 1 || batches == 1)
        {
            for (int b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(b * BatchSize, Math.Min(nodeCount, (b + 1) * BatchSize));
            }
            return;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        Parallel.For(0, batches, options, b => body(b * BatchSize, Math.Min(nodeCount, (b + 1) * BatchSize)));
    }

    public static void CheckConcurrency(int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1, nameof(concurrency));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(concurrency, AnalyticsConcurrency.Max, nameof(concurrency));
    }
}
