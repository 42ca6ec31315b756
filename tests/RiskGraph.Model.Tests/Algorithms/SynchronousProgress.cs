namespace RiskGraph.Model.Tests.Algorithms;

/// <summary>
/// Records reports on the calling thread. <see cref="Progress{T}"/> would post them to the thread pool, so a
/// test could look before they arrive.
/// </summary>
internal sealed class SynchronousProgress(List<double> reports) : IProgress<double>
{
    public void Report(double value)
    {
        lock (reports) reports.Add(value);
    }
}
