namespace RiskGraph.Training.Commands;

/// <summary>
/// Prints progress lines on the reporting thread. <see cref="Progress{T}"/> posts to the thread pool, which
/// lets lines arrive after the summary; a CLI wants them in order.
/// </summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    public void Report(string value) => Console.WriteLine($"  {value}");
}
